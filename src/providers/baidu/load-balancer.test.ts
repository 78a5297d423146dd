import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { lbInterface, mapListener, mapLoadBalancer, mapTarget } from './load-balancer-map.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/load-balancer', () => {
  it('maps an internet-facing BLB with a listener and its backends', () => {
    const targets = [
      mapTarget('i-1', ctx, { ip: '192.168.1.5', port: 8080, weight: 100, status: 'Alive' }),
      mapTarget('i-2', ctx, { port: 8080, status: 'Dead' }),
    ];
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer(
        {
          blbId: 'lb-1',
          name: 'web',
          status: 'available',
          address: '192.168.1.100',
          publicIp: '198.51.100.4',
          vpcId: 'vpc-1',
          subnetId: 'sbn-1',
        },
        'application',
        [mapListener({ listenerPort: 80, listenerType: 'http' }, targets)],
        ctx,
      ),
    );
    expect(lb).toMatchObject({
      scheme: 'internet',
      type: 'application',
      state: 'available',
      vips: ['192.168.1.100', '198.51.100.4'],
      subnet_ids: ['baidu/prod/bj/subnet/sbn-1'],
    });
    expect(lb.listeners).toEqual([
      {
        native_id: 'HTTP:80',
        name: 'HTTP:80',
        protocol: 'HTTP',
        port: 80,
        targets: [
          {
            type: 'vm',
            native_id: 'i-1',
            vm_id: 'baidu/prod/bj/vm/i-1',
            ip: '192.168.1.5',
            port: 8080,
            weight: 100,
            health: 'healthy',
          },
          {
            type: 'vm',
            native_id: 'i-2',
            vm_id: 'baidu/prod/bj/vm/i-2',
            port: 8080,
            health: 'unhealthy',
          },
        ],
      },
    ]);
  });

  it('maps an internal classic BLB without listeners, and its interface', () => {
    const raw = { blbId: 'lb-2', address: '192.168.1.101', vpcId: 'vpc-1', subnetId: 'sbn-1' };
    expect(mapLoadBalancer(raw, 'classic', [], ctx)).toMatchObject({
      scheme: 'internal',
      type: 'classic',
      state: 'unknown',
      listeners: [],
    });
    expect(KIND_SCHEMAS.network_interface.parse(lbInterface(raw, 'lb-2', ctx))).toMatchObject({
      native_id: 'lb-2',
      device_kind: 'load_balancer',
      device_id: 'baidu/prod/bj/load_balancer/lb-2',
      private_ips: ['192.168.1.101'],
    });
  });
});
