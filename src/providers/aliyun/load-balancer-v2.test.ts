import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { listenerGroups, mapV2Listener, mapV2LoadBalancer } from './load-balancer-v2.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

const alb: wire.V2LoadBalancer = {
  LoadBalancerId: 'alb-bp1abc',
  LoadBalancerName: 'web',
  LoadBalancerStatus: 'Active',
  AddressType: 'Internet',
  VpcId: 'vpc-bp1x',
  DNSName: 'alb-bp1abc.cn-hangzhou.alb.aliyuncsslb.com',
  CreateTime: '2026-01-02T03:04:05Z',
  Tags: [{ Key: 'env', Value: 'prod' }],
};

const zones: wire.V2ZoneMapping[] = [
  {
    ZoneId: 'cn-hangzhou-h',
    VSwitchId: 'vsw-bp1a',
    LoadBalancerAddresses: [{ Address: '47.1.2.3', IntranetAddress: '10.0.0.5' }],
  },
  { ZoneId: 'cn-hangzhou-i', VSwitchId: 'vsw-bp1b', LoadBalancerAddresses: [] },
];

const albListener: wire.V2Listener = {
  ListenerId: 'lsn-1',
  LoadBalancerId: 'alb-bp1abc',
  ListenerProtocol: 'HTTPS',
  ListenerPort: 443,
  DefaultActions: [{ ForwardGroupConfig: { ServerGroupTuples: [{ ServerGroupId: 'sgp-1' }] } }],
};

const servers = new Map<string, wire.V2Server[]>([
  [
    'sgp-1',
    [
      { ServerId: 'i-bp1vm', ServerIp: '10.0.1.7', ServerType: 'Ecs', Port: 8080, Weight: 100 },
      { ServerId: '192.168.9.9', ServerIp: '192.168.9.9', ServerType: 'Ip', Port: 80 },
    ],
  ],
]);

describe('aliyun/load_balancer (ALB, NLB)', () => {
  it('maps an ALB with its attribute zone mappings, listeners and servers', () => {
    const listeners = [mapV2Listener(albListener, servers, ctx)];
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapV2LoadBalancer(alb, 'application', zones, listeners, ctx),
    );
    expect(lb).toMatchObject({
      id: 'aliyun/prod/cn-hangzhou/load_balancer/alb-bp1abc',
      name: 'web',
      type: 'application',
      scheme: 'internet',
      state: 'available',
      dns_name: 'alb-bp1abc.cn-hangzhou.alb.aliyuncsslb.com',
      vips: ['10.0.0.5', '47.1.2.3'],
      vpc_id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1x',
      tags: { env: 'prod' },
      created_at: '2026-01-02T03:04:05.000Z',
    });
    expect(lb.subnet_ids).toHaveLength(2);
    expect(lb.zone_ids).toEqual([
      'aliyun/prod/cn-hangzhou/zone/cn-hangzhou-h',
      'aliyun/prod/cn-hangzhou/zone/cn-hangzhou-i',
    ]);
    expect(lb.listeners[0]).toMatchObject({ native_id: 'lsn-1', name: 'HTTPS:443', port: 443 });
    expect(lb.listeners[0]?.targets).toEqual([
      {
        type: 'vm',
        native_id: 'i-bp1vm',
        vm_id: 'aliyun/prod/cn-hangzhou/vm/i-bp1vm',
        ip: '10.0.1.7',
        port: 8080,
        weight: 100,
        health: 'unknown',
      },
      { type: 'ip', native_id: '192.168.9.9', ip: '192.168.9.9', port: 80, health: 'unknown' },
    ]);
  });

  it('maps an NLB from its listing (zone mappings inline, listener server group)', () => {
    const nlb: wire.V2LoadBalancer = {
      LoadBalancerId: 'nlb-bp1x',
      AddressType: 'Intranet',
      LoadBalancerStatus: 'Provisioning',
      ZoneMappings: [
        {
          ZoneId: 'cn-hangzhou-h',
          VSwitchId: 'vsw-bp1a',
          LoadBalancerAddresses: [{ PrivateIPv4Address: '10.0.0.9' }],
        },
      ],
    };
    const listener: wire.V2Listener = {
      ListenerProtocol: 'TCP',
      ListenerPort: 6379,
      ServerGroupId: 'sgp-1',
    };
    expect(listenerGroups(listener)).toEqual(['sgp-1']);
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapV2LoadBalancer(nlb, 'network', undefined, [mapV2Listener(listener, servers, ctx)], ctx),
    );
    expect(lb).toMatchObject({
      name: 'nlb-bp1x',
      type: 'network',
      scheme: 'internal',
      state: 'pending',
      vips: ['10.0.0.9'],
      tags: {},
    });
    expect(lb.listeners[0]).toMatchObject({ native_id: 'TCP:6379', protocol: 'tcp' });
    expect(lb.listeners[0]?.targets).toHaveLength(2);
  });

  it('tolerates a balancer with nothing but an id', () => {
    const lb = KIND_SCHEMAS.load_balancer.parse(
      mapV2LoadBalancer({ LoadBalancerId: 'alb-x' }, 'application', undefined, [], ctx),
    );
    expect(lb).toMatchObject({ vips: [], subnet_ids: [], zone_ids: [], state: 'unknown' });
    expect(listenerGroups({})).toEqual([]);
  });
});
