import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapLoadBalancer } from './load-balancer.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/load-balancer', () => {
  it('maps a public CLB with its VIPs, zones, listeners and backend servers', () => {
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer(
        {
          LoadBalancerId: 'clb-1',
          LoadBalancerName: 'web',
          Type: 'public',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          EniAddress: '10.0.0.9',
          EipAddress: '198.51.100.9',
          Status: 'Active',
          MasterZoneId: 'cn-beijing-a',
          SlaveZoneId: 'cn-beijing-b',
        },
        [
          {
            listener: { ListenerId: 'lsn-1', Protocol: 'HTTP', Port: 80, ServerGroupId: 'rsp-1' },
            servers: [
              {
                ServerId: 'rs-1',
                InstanceId: 'i-1',
                Type: 'ecs',
                Ip: '10.0.0.5',
                Port: 8080,
                Weight: 100,
              },
              { ServerId: 'rs-2', InstanceId: 'eni-9', Type: 'eni', Ip: '10.0.0.6', Port: 8080 },
            ],
          },
        ],
        ctx,
      ),
    );
    expect(lb).toMatchObject({
      scheme: 'internet',
      type: 'classic',
      state: 'available',
      vips: ['10.0.0.9', '198.51.100.9'],
      subnet_ids: ['volcengine/prod/cn-beijing/subnet/subnet-1'],
    });
    expect(lb.zone_ids).toHaveLength(2);
    expect(lb.listeners[0]?.targets).toEqual([
      {
        type: 'vm',
        native_id: 'rs-1',
        vm_id: 'volcengine/prod/cn-beijing/vm/i-1',
        ip: '10.0.0.5',
        port: 8080,
        weight: 100,
        health: 'unknown',
      },
      { type: 'ip', native_id: 'rs-2', ip: '10.0.0.6', port: 8080, health: 'unknown' },
    ]);
  });

  it('maps a private CLB without addresses or listeners', () => {
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer({ LoadBalancerId: 'clb-2', Type: 'private' }, [], ctx),
    );
    expect(lb).toMatchObject({ scheme: 'internal', vips: [], listeners: [], name: 'clb-2' });
  });
});
