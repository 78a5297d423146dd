import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import {
  loadBalancerRecords,
  mapClassicListeners,
  mapListeners,
  mapLoadBalancer,
} from './load-balancer.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/load-balancer', () => {
  it('gathers the targets of a listener and of its L7 rules', () => {
    const listeners = mapListeners(
      {
        Listeners: [
          { ListenerId: 'lbl-1', Protocol: 'HTTP', Port: 80 },
          { ListenerId: 'lbl-2', Protocol: 'TCP', Port: 443 },
        ],
      },
      {
        Listeners: [
          {
            ListenerId: 'lbl-1',
            Targets: null,
            Rules: [
              {
                Targets: [
                  { InstanceId: 'ins-1', Port: 8080, Weight: 10, PrivateIpAddresses: ['10.0.1.4'] },
                ],
              },
            ],
          },
          {
            ListenerId: 'lbl-2',
            Targets: [{ InstanceId: '', Port: 443, PrivateIpAddresses: ['172.16.0.10'] }],
          },
        ],
      },
      ctx,
    );
    expect(listeners).toEqual([
      {
        native_id: 'lbl-1',
        name: 'lbl-1',
        protocol: 'http',
        port: 80,
        targets: [
          {
            type: 'vm',
            native_id: 'ins-1',
            vm_id: 'tencent/prod/ap-guangzhou/vm/ins-1',
            ip: '10.0.1.4',
            port: 8080,
            weight: 10,
            health: 'unknown',
          },
        ],
      },
      {
        native_id: 'lbl-2',
        name: 'lbl-2',
        protocol: 'tcp',
        port: 443,
        targets: [
          { type: 'ip', native_id: '172.16.0.10', ip: '172.16.0.10', port: 443, health: 'unknown' },
        ],
      },
    ]);
  });

  it('forwards every classic listener to all backends on its instance port', () => {
    const [l] = mapClassicListeners(
      {
        Listener: [{ ListenerId: 'lbl-3', Protocol: 'TCP', ListenerPort: 80, InstancePort: 8080 }],
      },
      { Targets: [{ InstanceId: 'ins-2', PrivateIpAddresses: ['10.0.1.5'] }] },
      ctx,
    );
    expect(l?.targets).toEqual([
      expect.objectContaining({ vm_id: 'tencent/prod/ap-guangzhou/vm/ins-2', port: 8080 }),
    ]);
  });

  it('lists an OPEN balancer: public VIPs, an interface and ephemeral public IPs', () => {
    const raw = {
      LoadBalancerId: 'lb-1',
      LoadBalancerName: 'web',
      LoadBalancerType: 'OPEN',
      Forward: 1,
      Status: 1,
      VpcId: 'vpc-1',
      SubnetId: 'subnet-1',
      LoadBalancerVips: ['198.51.100.20'],
      MasterZone: { Zone: 'ap-guangzhou-3' },
      Tags: [{ TagKey: 'env', TagValue: 'prod' }],
    };
    const lb = KIND_SCHEMAS.load_balancer.parse(mapLoadBalancer(raw, [], ctx));
    expect(lb).toMatchObject({
      scheme: 'internet',
      type: 'application',
      state: 'available',
      vips: ['198.51.100.20'],
      tags: { env: 'prod' },
    });
    const kinds = loadBalancerRecords(raw, [], ctx).map((r) => r.kind);
    expect(kinds).toEqual(['load_balancer', 'network_interface', 'public_ip']);
    const internal = loadBalancerRecords(
      { ...raw, LoadBalancerType: 'INTERNAL', LoadBalancerVips: ['10.0.1.9'] },
      [],
      ctx,
    );
    expect(internal.map((r) => r.kind)).toEqual(['load_balancer', 'network_interface']);
    expect(internal[1]?.record).toMatchObject({ private_ips: ['10.0.1.9'] });
  });

  it('maps a classic balancer with every optional field missing', () => {
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapLoadBalancer({ LoadBalancerId: 'lb-2', Forward: 0 }, [], ctx),
    );
    expect(lb).toMatchObject({
      name: 'lb-2',
      type: 'classic',
      scheme: 'internal',
      state: 'unknown',
      vips: [],
    });
  });
});
