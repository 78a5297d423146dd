import { readFileSync } from 'node:fs';
import type { DescribeNetworkInterfacesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { deviceOf, mapAutoAssignedPublicIps, mapNetworkInterface } from './network-interface.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function page(name: string) {
  return (
    (fixture('DescribeNetworkInterfaces', name) as DescribeNetworkInterfacesResult)
      .NetworkInterfaces ?? []
  );
}

describe('aws/network_interface', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const map = (name: string) => ({
      interfaces: page(name).map((raw) =>
        KIND_SCHEMAS.network_interface.parse(mapNetworkInterface(raw, ctx)),
      ),
      public_ips: page(name)
        .flatMap((raw) => mapAutoAssignedPublicIps(raw, ctx))
        .map((ip) => KIND_SCHEMAS.public_ip.parse(ip)),
    });
    const out = { basic: map('basic'), minimal: map('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.network_interface.json',
    );
  });

  it('tells the owning device from the attachment, the interface type and the description', () => {
    const devices = page('basic').map((raw) => {
      const d = deviceOf(raw, ctx);
      return [raw.NetworkInterfaceId, d.kind, d.nativeId, d.id];
    });
    expect(devices).toEqual([
      [
        'eni-0a1b2c3d4e5f60041',
        'vm',
        'i-0a1b2c3d4e5f60021',
        'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021',
      ],
      [
        'eni-0a1b2c3d4e5f60042',
        'vm',
        'i-0a1b2c3d4e5f60021',
        'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021',
      ],
      [
        'eni-0a1b2c3d4e5f60043',
        'nat_gateway',
        'nat-0a1b2c3d4e5f60061',
        'aws/prod/us-east-1/nat_gateway/nat-0a1b2c3d4e5f60061',
      ],
      [
        'eni-0a1b2c3d4e5f60044',
        'load_balancer',
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188',
        'aws/prod/us-east-1/load_balancer/arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188',
      ],
      [
        'eni-0a1b2c3d4e5f60045',
        'load_balancer',
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/api-nlb/73e2d6bc24d8a067',
        'aws/prod/us-east-1/load_balancer/arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/api-nlb/73e2d6bc24d8a067',
      ],
      [
        'eni-0a1b2c3d4e5f60046',
        'load_balancer',
        'legacy-web',
        'aws/prod/us-east-1/load_balancer/legacy-web',
      ],
      ['eni-0a1b2c3d4e5f60047', 'rds_instance', undefined, undefined],
      ['eni-0a1b2c3d4e5f60048', 'redis_instance', 'orders-cache-0001-001', undefined],
      [
        'eni-0a1b2c3d4e5f60049',
        'kubernetes_cluster',
        'prod-eks',
        'aws/prod/us-east-1/kubernetes_cluster/prod-eks',
      ],
      ['eni-0a1b2c3d4e5f6004a', 'vpc_endpoint', 'vpce-0a1b2c3d4e5f60071', undefined],
      ['eni-0a1b2c3d4e5f6004b', 'other', undefined, undefined],
    ]);
  });

  it('derives load balancer ARNs in the partition of the region', () => {
    const [, , , alb] = page('basic');
    const cn: MapContext = { ...ctx, region: 'cn-north-1' };
    expect(alb && deviceOf(alb, cn).nativeId).toBe(
      'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188',
    );
  });

  it('emits auto-assigned public IPs only; elastic IPs come from DescribeAddresses', () => {
    const ips = page('basic').flatMap((raw) => mapAutoAssignedPublicIps(raw, ctx));
    expect(ips.map((ip) => [ip.ip, ip.private_ip, ip.device_kind])).toEqual([
      ['198.51.100.10', '10.0.1.10', 'vm'],
      ['198.51.100.40', '10.0.1.40', 'load_balancer'],
    ]);
    expect(ips[0]).toMatchObject({
      allocation: 'ephemeral',
      interface_id: 'aws/prod/us-east-1/network_interface/eni-0a1b2c3d4e5f60041',
      device_id: 'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021',
    });
  });

  it('lists the primary private IP first, then IPv6', () => {
    const [eni] = page('basic');
    expect(eni && mapNetworkInterface(eni, ctx).private_ips).toEqual([
      '10.0.1.10',
      '10.0.1.11',
      '2001:db8:1234:1a01::10',
    ]);
  });

  it('maps an interface with every optional field missing', () => {
    const [raw] = page('minimal');
    expect(raw && KIND_SCHEMAS.network_interface.parse(mapNetworkInterface(raw, ctx))).toEqual({
      id: 'aws/prod/us-east-1/network_interface/eni-0a1b2c3d4e5f6004c',
      native_id: 'eni-0a1b2c3d4e5f6004c',
      name: 'eni-0a1b2c3d4e5f6004c',
      provider: 'aws',
      account: 'prod',
      region: 'us-east-1',
      tags: {},
      device_kind: 'other',
      private_ips: [],
      primary: false,
      security_group_ids: [],
    });
  });
});
