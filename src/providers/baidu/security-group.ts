import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_SECURITY_GROUPS = baiduOperation('bcc', 'ListSecurityGroups', false);

/** A rule: ingress reads `sourceIp`/`sourceGroupId`, egress `destIp`/`destGroupId`; empty means any. */
function mapRuleUnguarded(raw: wire.SecurityGroupRule, ctx: MapContext): SecurityGroupRule {
  const ingress = raw.direction !== 'egress';
  const ip = nonEmpty(ingress ? raw.sourceIp : raw.destIp);
  const group = nonEmpty(ingress ? raw.sourceGroupId : raw.destGroupId);
  const any = raw.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0';
  return {
    direction: ingress ? 'ingress' : 'egress',
    protocol: normalizeProtocol(raw.protocol),
    ...defined({
      port_range: nonEmpty(raw.portRange),
      cidr: group === undefined ? (ip === undefined || ip === 'all' ? any : ip) : undefined,
      remote_group_id: refId(ctx, 'security_group', group),
      description: nonEmpty(raw.remark),
    }),
    // BCE security groups only allow; what no rule allows is denied.
    action: 'allow',
  };
}

function mapSecurityGroupUnguarded(raw: wire.SecurityGroup, ctx: MapContext): SecurityGroup {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createdTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.vpcId), description: nonEmpty(raw.desc) }),
    rules: (raw.rules ?? []).map((r) => mapRule(r, ctx)),
  };
}

export const securityGroupFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [LIST_SECURITY_GROUPS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListSecurityGroups, wire.SecurityGroup>(
      ctx,
      LIST_SECURITY_GROUPS,
      ctx.region,
      '/v2/securityGroup',
      {},
      (p) => p.securityGroups,
    );
    for await (const raw of items) {
      yield { kind: 'security_group', record: mapSecurityGroup(raw, ctx.map) };
    }
  },
};

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('baidu rule', mapRuleUnguarded, SecurityGroupRuleSchema);
/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'baidu security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
