import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupSchema } from '../../model/index.js';
import type { IpPermission, SecurityGroup as AwsSecurityGroup } from '@aws-sdk/client-ec2';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { nameOrId, normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeSecurityGroupsCommand } = ec2Sdk;

const DESCRIBE_SECURITY_GROUPS = awsOperation('ec2', 'DescribeSecurityGroups', false);

/** `80`, `1000-2000`, or undefined for all ports. For ICMP, FromPort/ToPort are type/code. */
function portRange(perm: IpPermission, protocol: string): string | undefined {
  const from = perm.FromPort;
  const to = perm.ToPort;
  if (protocol === 'all' || from === undefined || from === -1) return undefined;
  if (to === undefined || to === -1 || to === from) return String(from);
  if (protocol !== 'icmp' && protocol !== 'icmpv6' && from === 0 && to === 65535) return undefined;
  return `${from}-${to}`;
}

/** One rule per peer: each IPv4 range, IPv6 range, group pair and prefix list is its own rule. */
function rulesOf(
  perms: readonly IpPermission[] | undefined,
  direction: SecurityGroupRule['direction'],
  ownerId: string | undefined,
  ctx: MapContext,
): SecurityGroupRule[] {
  const out: SecurityGroupRule[] = [];
  for (const perm of perms ?? []) {
    const protocol = normalizeProtocol(perm.IpProtocol);
    const common = { direction, protocol, ...defined({ port_range: portRange(perm, protocol) }) };
    for (const r of perm.IpRanges ?? []) {
      out.push({
        ...common,
        ...defined({ cidr: r.CidrIp, description: r.Description }),
        action: 'allow',
      });
    }
    for (const r of perm.Ipv6Ranges ?? []) {
      out.push({
        ...common,
        ...defined({ cidr: r.CidrIpv6, description: r.Description }),
        action: 'allow',
      });
    }
    for (const p of perm.UserIdGroupPairs ?? []) {
      // A group of another account is not in this inventory: keep it as a named peer.
      const sameAccount = p.UserId === undefined || p.UserId === ownerId;
      out.push({
        ...common,
        ...defined({
          remote_group_id: sameAccount ? refId(ctx, 'security_group', p.GroupId) : undefined,
          remote: sameAccount ? undefined : `${p.UserId ?? ''}/${p.GroupId ?? p.GroupName ?? ''}`,
          description: p.Description,
        }),
        action: 'allow',
      });
    }
    for (const p of perm.PrefixListIds ?? []) {
      out.push({
        ...common,
        ...defined({ remote: p.PrefixListId, description: p.Description }),
        action: 'allow',
      });
    }
  }
  return out;
}

/** A security group; AWS rules are allow-only. Name = `Name` tag, else the group name. */
function mapSecurityGroupUnguarded(raw: AwsSecurityGroup, ctx: MapContext): SecurityGroup {
  const nativeId = raw.GroupId ?? '';
  const nameTag = raw.Tags?.find((t) => t.Key === 'Name')?.Value;
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nameOrId(nameTag ?? raw.GroupName, nativeId),
      awsTags(raw.Tags),
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.VpcId), description: raw.Description }),
    rules: [
      ...rulesOf(raw.IpPermissions, 'ingress', raw.OwnerId, ctx),
      ...rulesOf(raw.IpPermissionsEgress, 'egress', raw.OwnerId, ctx),
    ],
  };
}

export const securityGroupFetcher: ResourceFetcher<AwsSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [DESCRIBE_SECURITY_GROUPS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_SECURITY_GROUPS,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.SecurityGroups ?? []) {
        yield { kind: 'security_group', record: mapSecurityGroup(raw, ctx.map) };
      }
    }
  },
};

/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'aws security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
