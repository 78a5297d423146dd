import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema, PublicIpSchema } from '../../model/index.js';
import type {
  NetworkInterface as AwsNetworkInterface,
  NetworkInterfacePrivateIpAddress,
} from '@aws-sdk/client-ec2';
import type {
  DeviceKind,
  MapContext,
  NetworkInterface,
  PublicIp,
  ResourceKind,
} from '../../model/index.js';
import { compact, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import {
  awsOperation,
  awsTags,
  baseFields,
  defined,
  nameFromTags,
  nonEmpty,
  partitionOf,
  refIds,
} from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeNetworkInterfacesCommand } = ec2Sdk;

const DESCRIBE_NETWORK_INTERFACES = {
  ...awsOperation('ec2', 'DescribeNetworkInterfaces', true),
  bulky: true,
};

/** The device an interface belongs to: its kind, its native id, and a reference when it is a record. */
export interface InterfaceDevice {
  readonly kind: DeviceKind;
  readonly nativeId?: string | undefined;
  readonly id?: string | undefined;
}

function device(
  ctx: MapContext,
  kind: DeviceKind,
  nativeId: string | undefined,
  recordKind?: ResourceKind,
): InterfaceDevice {
  return {
    kind,
    nativeId,
    id: recordKind === undefined ? undefined : refId(ctx, recordKind, nativeId),
  };
}

/**
 * Who owns an interface. AWS says so only in free text for service-managed interfaces: the
 * `Description` strings below are the ones the services write (requester-managed ENIs,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html).
 */
export function deviceOf(raw: AwsNetworkInterface, ctx: MapContext): InterfaceDevice {
  const description = raw.Description ?? '';
  const type: string = raw.InterfaceType ?? '';
  const instanceId = raw.Attachment?.InstanceId;
  if (instanceId) return device(ctx, 'vm', instanceId, 'vm');
  const nat = /^Interface for NAT Gateway (nat-[0-9a-z]+)/.exec(description);
  if (nat || type === 'nat_gateway' || type === 'natGateway') {
    return device(ctx, 'nat_gateway', nat?.[1], 'nat_gateway');
  }
  // "ELB app/<name>/<id>" (ALB), "ELB net/..." (NLB), "ELB gwy/..." (GWLB): the ARN is derived.
  const elbv2 = /^ELB ((?:app|net|gwy)\/[^/\s]+\/[0-9a-z]+)$/.exec(description);
  if (elbv2?.[1] !== undefined) {
    const arn = raw.OwnerId
      ? `arn:${partitionOf(ctx.region)}:elasticloadbalancing:${ctx.region}:${raw.OwnerId}:loadbalancer/${elbv2[1]}`
      : undefined;
    return {
      kind: 'load_balancer',
      nativeId: arn ?? elbv2[1],
      id: refId(ctx, 'load_balancer', arn),
    };
  }
  // A classic load balancer is named, not ARN'd: "ELB <name>"; its record's native id is the name.
  const classic = /^ELB ([^\s/]+)$/.exec(description);
  if (classic) return device(ctx, 'load_balancer', classic[1], 'load_balancer');
  if (description === 'RDSNetworkInterface') return { kind: 'rds_instance' };
  // "ElastiCache <cache-cluster-id>": a node's cluster, not necessarily a redis_instance record.
  const cache = /^ElastiCache (?:Serverless )?(\S+)/.exec(description);
  if (cache) return device(ctx, 'redis_instance', cache[1]);
  const eks = /^Amazon EKS (\S+)$/.exec(description);
  if (eks) return device(ctx, 'kubernetes_cluster', eks[1], 'kubernetes_cluster');
  const endpoint = /^VPC Endpoint Interface (vpce-[0-9a-z]+)/.exec(description);
  if (endpoint || type === 'vpc_endpoint') return device(ctx, 'vpc_endpoint', endpoint?.[1]);
  return { kind: 'other' };
}

/** Private IPv4 entries, primary first; an interface without the list has its primary fields only. */
function privateEntries(raw: AwsNetworkInterface): NetworkInterfacePrivateIpAddress[] {
  const list = raw.PrivateIpAddresses ?? [
    { PrivateIpAddress: raw.PrivateIpAddress, Association: raw.Association, Primary: true },
  ];
  return [...list].sort((a, b) => Number(b.Primary ?? false) - Number(a.Primary ?? false));
}

function mapNetworkInterfaceUnguarded(raw: AwsNetworkInterface, ctx: MapContext): NetworkInterface {
  const nativeId = raw.NetworkInterfaceId ?? '';
  const dev = deviceOf(raw, ctx);
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nameFromTags(raw.TagSet, nativeId),
      awsTags(raw.TagSet),
    ),
    device_kind: dev.kind,
    ...defined({
      device_id: dev.id,
      device_native_id: dev.nativeId,
      mac: nonEmpty(raw.MacAddress),
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      subnet_id: refId(ctx, 'subnet', raw.SubnetId),
    }),
    private_ips: compact([
      ...privateEntries(raw).map((p) => p.PrivateIpAddress),
      ...(raw.Ipv6Addresses ?? []).map((a) => a.Ipv6Address),
    ]),
    primary: raw.Attachment?.DeviceIndex === 0,
    security_group_ids: refIds(
      ctx,
      'security_group',
      (raw.Groups ?? []).map((g) => g.GroupId),
    ),
  };
}

/**
 * Public IPs AWS assigned automatically (an association without an allocation id). Elastic IPs come
 * from DescribeAddresses instead, so each address is listed once.
 */
function mapAutoAssignedPublicIpsUnguarded(raw: AwsNetworkInterface, ctx: MapContext): PublicIp[] {
  const interfaceId = raw.NetworkInterfaceId;
  const dev = deviceOf(raw, ctx);
  const out: PublicIp[] = [];
  for (const entry of privateEntries(raw)) {
    const ip = entry.Association?.PublicIp;
    if (!ip || entry.Association?.AllocationId) continue;
    out.push({
      ...baseFields(ctx, 'public_ip', ip, ip, {}),
      ip,
      allocation: 'ephemeral',
      device_kind: dev.kind,
      ...defined({
        device_id: dev.id,
        interface_id: interfaceId ? resourceId(ctx, 'network_interface', interfaceId) : undefined,
        private_ip: entry.PrivateIpAddress,
      }),
    });
  }
  return out;
}

export const networkInterfaceFetcher: ResourceFetcher<AwsSession> = {
  kind: 'network_interface',
  alsoEmits: ['public_ip'],
  scope: 'regional',
  operations: [DESCRIBE_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_NETWORK_INTERFACES,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.NetworkInterfaces ?? []) {
        yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
        for (const ip of mapAutoAssignedPublicIps(raw, ctx.map)) {
          yield { kind: 'public_ip', record: ip };
        }
      }
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNetworkInterface = guardMapper(
  'aws network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);
/** `mapAutoAssignedPublicIpsUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAutoAssignedPublicIps = guardMapper(
  'aws auto assigned public ips',
  mapAutoAssignedPublicIpsUnguarded,
  PublicIpSchema.array(),
);
