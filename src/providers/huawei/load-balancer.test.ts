import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapListener, mapLoadBalancer } from './load-balancer.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/load-balancer', () => {
  it('maps a dedicated ELB: internet when it has a public IP, listeners with members', () => {
    const listener = mapListener(
      { id: 'l-1', protocol: 'HTTP', protocol_port: 80, default_pool_id: 'pool-1' },
      [
        {
          id: 'm-1',
          address: '10.0.1.5',
          protocol_port: 8080,
          instance_id: 'i-1',
          operating_status: 'ONLINE',
          weight: 1,
        },
        { id: 'm-2', address: '192.168.9.9', protocol_port: 8080, operating_status: 'OFFLINE' },
      ],
      ctx,
    );
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer(
        {
          id: 'lb-1',
          name: 'web',
          vpc_id: 'v-1',
          vip_subnet_cidr_id: 's-1',
          vip_address: '10.0.1.10',
          provisioning_status: 'ACTIVE',
          availability_zone_list: ['cn-north-4a'],
          publicips: [{ publicip_address: '1.2.3.4' }],
          l7_flavor_id: 'f-7',
        },
        [listener],
        ctx,
      ),
    );
    expect(lb).toMatchObject({
      scheme: 'internet',
      type: 'application',
      vips: ['10.0.1.10', '1.2.3.4'],
      subnet_ids: [ref('subnet', 's-1')],
      zone_ids: [ref('zone', 'cn-north-4a')],
    });
    expect(lb.listeners[0]?.targets).toEqual([
      {
        type: 'vm',
        native_id: 'm-1',
        vm_id: ref('vm', 'i-1'),
        ip: '10.0.1.5',
        port: 8080,
        health: 'healthy',
        weight: 1,
      },
      { type: 'ip', native_id: 'm-2', ip: '192.168.9.9', port: 8080, health: 'unhealthy' },
    ]);
    expect(mapLoadBalancer({ id: 'lb-2' }, [], ctx)).toMatchObject({
      scheme: 'internal',
      type: 'network',
    });
  });
});
