import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { lbInterface, mapBackend, mapListener, mapLoadBalancer } from './load-balancer.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'gd2' };
const routers = routersByVxnet([{ vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' }]);

describe('qingcloud/load-balancer', () => {
  it('maps an internet LB with listeners and instance / IP backends', () => {
    const raw = {
      loadbalancer_id: 'lb-1',
      loadbalancer_name: 'web',
      status: 'active',
      vxnet_id: 'vxnet-a',
      private_ips: ['192.168.0.250'],
      eips: [{ eip_id: 'eip-1', eip_addr: '198.51.100.3' }],
    };
    const listener = mapListener(
      {
        loadbalancer_listener_id: 'lbl-1',
        loadbalancer_id: 'lb-1',
        listener_protocol: 'HTTP',
        listener_port: 80,
      },
      [
        {
          loadbalancer_backend_id: 'lbb-1',
          resource_id: 'i-1',
          private_ip: '192.168.0.2',
          port: 8080,
          weight: 5,
          status: 'up',
        },
        { loadbalancer_backend_id: 'lbb-2', resource_id: '10.1.2.3', port: 8080, status: 'down' },
      ],
      ctx,
    );
    const lb = KIND_SCHEMAS.load_balancer.parse(mapLoadBalancer(raw, [listener], routers, ctx));
    expect(lb).toMatchObject({
      vpc_id: 'qingcloud/prod/gd2/vpc/rtr-1',
      scheme: 'internet',
      state: 'available',
      vips: ['192.168.0.250', '198.51.100.3'],
      subnet_ids: ['qingcloud/prod/gd2/subnet/vxnet-a'],
    });
    expect(lb.listeners).toEqual([
      {
        native_id: 'lbl-1',
        name: 'lbl-1',
        protocol: 'http',
        port: 80,
        targets: [
          {
            type: 'vm',
            native_id: 'lbb-1',
            vm_id: 'qingcloud/prod/gd2/vm/i-1',
            ip: '192.168.0.2',
            port: 8080,
            weight: 5,
            health: 'healthy',
          },
          { type: 'ip', native_id: 'lbb-2', ip: '10.1.2.3', port: 8080, health: 'unhealthy' },
        ],
      },
    ]);
    expect(KIND_SCHEMAS.network_interface.parse(lbInterface(raw, routers, ctx))).toMatchObject({
      device_kind: 'load_balancer',
      private_ips: ['192.168.0.250'],
    });
  });

  it('is internal without EIPs, and a disabled backend is unused', () => {
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer({ loadbalancer_id: 'lb-2' }, [], routers, ctx),
    );
    expect(lb).toMatchObject({ scheme: 'internal', vips: [], subnet_ids: [], listeners: [] });
    expect(mapBackend({ resource_id: 'i-2', disabled: 1, status: 'up' }, ctx).health).toBe(
      'unused',
    );
  });
});
