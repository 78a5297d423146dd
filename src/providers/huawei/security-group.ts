import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty } from './common.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_SECURITY_GROUPS = huaweiOperation(
  'vpc',
  'ListSecurityGroups',
  false,
  'vpc:securityGroups:get',
);

/** VPC v1 security groups: at most 1000 per page, rules embedded. */
export const SG_PAGE_SIZE = 1000;

function portRange(raw: wire.SecurityGroupRule): string | undefined {
  const min = raw.port_range_min ?? undefined;
  const max = raw.port_range_max ?? undefined;
  if (min === undefined && max === undefined) return undefined;
  const lo = min ?? max;
  const hi = max ?? min;
  return lo === hi ? String(lo) : `${String(lo)}-${String(hi)}`;
}

function mapRuleUnguarded(raw: wire.SecurityGroupRule, ctx: MapContext): SecurityGroupRule {
  const remoteGroup = nonEmpty(raw.remote_group_id);
  const cidr = nonEmpty(raw.remote_ip_prefix);
  return {
    direction: raw.direction === 'egress' ? 'egress' : 'ingress',
    protocol: normalizeProtocol(raw.protocol),
    ...defined({
      port_range: portRange(raw),
      cidr,
      remote_group_id: refId(ctx, 'security_group', remoteGroup),
      // A rule without remote allows any address of its ethertype.
      remote: cidr ?? remoteGroup ?? (raw.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0'),
    }),
    action: raw.action === 'deny' ? 'deny' : 'allow',
    ...defined({
      priority: raw.priority,
      description: nonEmpty(raw.description),
    }),
  };
}

function mapSecurityGroupUnguarded(raw: wire.SecurityGroup, ctx: MapContext): SecurityGroup {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(ctx, 'security_group', nativeId, nonEmpty(raw.name) ?? nativeId, {}),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)),
      description: nonEmpty(raw.description),
    }),
    rules: (raw.security_group_rules ?? []).map((r) => mapRule(r, ctx)),
  };
}

export const securityGroupFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [LIST_SECURITY_GROUPS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListSecurityGroups, wire.SecurityGroup>(
      ctx,
      LIST_SECURITY_GROUPS,
      ctx.region,
      '/v1/{project_id}/security-groups',
      {},
      { limit: SG_PAGE_SIZE, items: (p) => p.security_groups, idOf: (g) => g.id },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.id) === undefined) continue;
      yield { kind: 'security_group', record: mapSecurityGroup(raw, ctx.map) };
    }
  },
};

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('huawei rule', mapRuleUnguarded, SecurityGroupRuleSchema);
/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'huawei security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
