import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol, refId, toInt } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { aliyunRequest, listByPageNumber } from './client.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_SECURITY_GROUPS = aliyunOperation('ecs', 'DescribeSecurityGroups', false);
const DESCRIBE_SECURITY_GROUP_ATTRIBUTE = aliyunOperation(
  'ecs',
  'DescribeSecurityGroupAttribute',
  false,
);

const SG_PAGE_SIZE = 50;

/** `22/22` → `22`, `1000/2000` → `1000-2000`, `-1/-1` and `1/65535` → all ports (undefined). */
export function portRange(range: string | undefined, protocol: string): string | undefined {
  const [from, to] = (range ?? '').split('/');
  if (!from || from === '-1' || protocol === 'all') return undefined;
  if (!to || to === '-1' || to === from) return from;
  if (protocol !== 'icmp' && protocol !== 'icmpv6' && from === '1' && to === '65535') {
    return undefined;
  }
  return `${from}-${to}`;
}

function mapRuleUnguarded(p: wire.Permission, ctx: MapContext): SecurityGroupRule {
  const egress = p.Direction === 'egress';
  const protocol = normalizeProtocol(p.IpProtocol);
  const cidr = egress
    ? (nonEmpty(p.DestCidrIp) ?? nonEmpty(p.Ipv6DestCidrIp))
    : (nonEmpty(p.SourceCidrIp) ?? nonEmpty(p.Ipv6SourceCidrIp));
  const group = egress ? p.DestGroupId : p.SourceGroupId;
  const prefixList = egress ? p.DestPrefixListId : p.SourcePrefixListId;
  return {
    direction: egress ? 'egress' : 'ingress',
    protocol,
    ...defined({
      port_range: portRange(p.PortRange, protocol),
      cidr,
      remote_group_id: refId(ctx, 'security_group', nonEmpty(group)),
      remote: nonEmpty(prefixList),
    }),
    // Aliyun rules can deny: Policy `Drop`.
    action: p.Policy?.toLowerCase() === 'drop' ? 'deny' : 'allow',
    ...defined({
      priority: toInt(p.Priority),
      description: nonEmpty(p.Description),
    }),
  };
}

/** A security group with its rules (from DescribeSecurityGroupAttribute; none when that call is absent). */
function mapSecurityGroupUnguarded(
  raw: wire.SecurityGroup,
  attribute: wire.DescribeSecurityGroupAttribute | undefined,
  ctx: MapContext,
): SecurityGroup {
  const nativeId = raw.SecurityGroupId ?? '';
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nonEmpty(raw.SecurityGroupName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      description: nonEmpty(raw.Description),
    }),
    rules: (attribute?.Permissions?.Permission ?? []).map((p) => mapRule(p, ctx)),
  };
}

export const securityGroupFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [DESCRIBE_SECURITY_GROUPS, DESCRIBE_SECURITY_GROUP_ATTRIBUTE],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const items = listByPageNumber<wire.DescribeSecurityGroups, wire.SecurityGroup>(
      ctx,
      clients,
      DESCRIBE_SECURITY_GROUPS,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: SG_PAGE_SIZE,
        items: (p) => p.SecurityGroups?.SecurityGroup,
        idOf: (g) => g.SecurityGroupId,
      },
    );
    const listed = (await collect(items)).filter((raw) => raw.SecurityGroupId);
    // The rules of every group at once (one call per group).
    const records = mapInOrder(listed, async (raw) => {
      const attribute = await aliyunRequest<wire.DescribeSecurityGroupAttribute>(
        ctx,
        clients,
        DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
        ctx.region,
        { RegionId: ctx.region, SecurityGroupId: raw.SecurityGroupId ?? '', Direction: 'all' },
      );
      return mapSecurityGroup(raw, attribute, ctx.map);
    });
    for await (const record of records) yield { kind: 'security_group', record };
  },
};

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('aliyun rule', mapRuleUnguarded, SecurityGroupRuleSchema);
/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'aliyun security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
