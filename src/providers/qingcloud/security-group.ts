import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll, listArray } from './client.js';
import { baseFields, defined, nonEmpty, qingcloudOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_SECURITY_GROUPS = qingcloudOperation('DescribeSecurityGroups', false);
const DESCRIBE_SECURITY_GROUP_RULES = qingcloudOperation('DescribeSecurityGroupRules', false);

/** Ports of a tcp/udp rule: `val1`-`val2` (one port when equal or `val2` is empty). */
function portRange(raw: wire.SecurityGroupRule, protocol: string): string | undefined {
  if (protocol !== 'tcp' && protocol !== 'udp') return undefined;
  const from = nonEmpty(raw.val1);
  const to = nonEmpty(raw.val2);
  if (from === undefined) return undefined;
  return to === undefined || to === from ? from : `${from}-${to}`;
}

function mapRuleUnguarded(raw: wire.SecurityGroupRule): SecurityGroupRule {
  const protocol = nonEmpty(raw.protocol) === undefined ? 'all' : normalizeProtocol(raw.protocol);
  return {
    direction: raw.direction === 1 ? 'egress' : 'ingress',
    protocol,
    ...defined({
      port_range: portRange(raw, protocol),
      // No remote network means any address.
      cidr: nonEmpty(raw.val3) ?? '0.0.0.0/0',
      priority: raw.priority,
      description: nonEmpty(raw.security_group_rule_name),
    }),
    action: raw.action === 'drop' ? 'deny' : 'allow',
  };
}

/** A security group with its enabled rules (QingCloud groups are not tied to a VPC). */
function mapSecurityGroupUnguarded(
  raw: wire.SecurityGroup,
  rules: readonly wire.SecurityGroupRule[],
  ctx: MapContext,
): SecurityGroup {
  const nativeId = raw.security_group_id ?? '';
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      raw.security_group_name,
      raw.tags,
      raw.create_time,
    ),
    ...defined({ description: nonEmpty(raw.description) }),
    rules: rules
      .filter((r) => r.security_group_id === nativeId && r.disabled !== 1)
      .map((r) => mapRule(r)),
  };
}

export const securityGroupFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [DESCRIBE_SECURITY_GROUPS, DESCRIBE_SECURITY_GROUP_RULES],
  async *fetch(ctx) {
    // Every rule of the region in one listing, grouped by security_group_id.
    const rules = listArray<wire.SecurityGroupRule>(
      ctx,
      ctx.session.client,
      DESCRIBE_SECURITY_GROUP_RULES,
      ctx.region,
      {},
      { key: 'security_group_rule_set', idOf: (r) => r.security_group_rule_id },
    );
    rules.catch(() => undefined);
    const items = listAll<wire.SecurityGroup>(
      ctx,
      ctx.session.client,
      DESCRIBE_SECURITY_GROUPS,
      ctx.region,
      { verbose: 1 },
      { key: 'security_group_set', idOf: (g) => g.security_group_id },
    );
    for await (const raw of items) {
      if (raw.security_group_id) {
        yield { kind: 'security_group', record: mapSecurityGroup(raw, await rules, ctx.map) };
      }
    }
  },
};

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('qingcloud rule', mapRuleUnguarded, SecurityGroupRuleSchema);
/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'qingcloud security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
