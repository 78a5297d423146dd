import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { inOrder, ITEM_WINDOW, listByOffset, tencentRequest, withIds } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_SECURITY_GROUPS = tencentOperation('vpc', 'DescribeSecurityGroups', false);
const DESCRIBE_SECURITY_GROUP_POLICIES = tencentOperation(
  'vpc',
  'DescribeSecurityGroupPolicies',
  false,
);

const SG_PAGE_SIZE = 100;

function mapRuleUnguarded(
  raw: wire.SecurityGroupPolicy,
  direction: 'ingress' | 'egress',
  ctx: MapContext,
): SecurityGroupRule {
  const port = nonEmpty(raw.Port);
  return {
    direction,
    protocol: normalizeProtocol(raw.Protocol),
    action: raw.Action === 'DROP' ? 'deny' : 'allow',
    ...defined({
      port_range: port === undefined || port.toUpperCase() === 'ALL' ? undefined : port,
      cidr: nonEmpty(raw.CidrBlock) ?? nonEmpty(raw.Ipv6CidrBlock),
      remote_group_id: refId(ctx, 'security_group', nonEmpty(raw.SecurityGroupId)),
      priority: raw.PolicyIndex,
      description: nonEmpty(raw.PolicyDescription),
    }),
  };
}

/** Tencent security groups belong to the region, not to a VPC: no `vpc_id`. */
function mapSecurityGroupUnguarded(
  raw: wire.SecurityGroup,
  policies: wire.DescribeSecurityGroupPolicies,
  ctx: MapContext,
): SecurityGroup {
  const nativeId = raw.SecurityGroupId ?? '';
  const set = policies.SecurityGroupPolicySet;
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nonEmpty(raw.SecurityGroupName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    ...defined({ description: nonEmpty(raw.SecurityGroupDesc) }),
    rules: [
      ...(set?.Ingress ?? []).map((r) => mapRule(r, 'ingress', ctx)),
      ...(set?.Egress ?? []).map((r) => mapRule(r, 'egress', ctx)),
    ],
  };
}

export const securityGroupFetcher: ResourceFetcher<TencentSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [DESCRIBE_SECURITY_GROUPS, DESCRIBE_SECURITY_GROUP_POLICIES],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const items = listByOffset<wire.DescribeSecurityGroups, wire.SecurityGroup>(
      ctx,
      clients,
      DESCRIBE_SECURITY_GROUPS,
      ctx.region,
      {},
      {
        pageSize: SG_PAGE_SIZE,
        asStrings: true,
        items: (p) => p.SecurityGroupSet,
        idOf: (g) => g.SecurityGroupId,
      },
    );
    // One policy call per group, a few at once, started as groups arrive.
    const listed = inOrder(
      withIds(items, (g) => g.SecurityGroupId),
      ITEM_WINDOW,
      (raw) =>
        tencentRequest<wire.DescribeSecurityGroupPolicies>(
          ctx,
          clients,
          DESCRIBE_SECURITY_GROUP_POLICIES,
          ctx.region,
          { SecurityGroupId: raw.SecurityGroupId ?? '' },
        ),
    );
    for await (const [raw, policies] of listed) {
      yield { kind: 'security_group', record: mapSecurityGroup(raw, policies, ctx.map) };
    }
  },
};

/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'tencent security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('tencent rule', mapRuleUnguarded, SecurityGroupRuleSchema);
