import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import { normalizeProtocol, refId } from '../../model/index.js';
import { mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_SECURITY_GROUPS = volcOperation('vpc', 'DescribeSecurityGroups', false);
const DESCRIBE_SECURITY_GROUP_ATTRIBUTES = volcOperation(
  'vpc',
  'DescribeSecurityGroupAttributes',
  false,
);

const SG_PAGE_SIZE = 100;

/** `PortStart`/`PortEnd` → `80`, `1-65535`; `-1/-1` (every port) → undefined. */
function portRange(p: wire.Permission): string | undefined {
  const start = p.PortStart;
  const end = p.PortEnd;
  if (start === undefined || start < 0) return undefined;
  return end === undefined || end === start ? String(start) : `${start}-${end}`;
}

function mapRule(p: wire.Permission, ctx: MapContext): SecurityGroupRule {
  return {
    direction: p.Direction === 'egress' ? 'egress' : 'ingress',
    protocol: normalizeProtocol(p.Protocol),
    action: p.Policy === 'drop' ? 'deny' : 'allow',
    ...defined({
      port_range: portRange(p),
      cidr: nonEmpty(p.CidrIp),
      remote_group_id: refId(ctx, 'security_group', p.SourceGroupId),
      priority: p.Priority,
      description: nonEmpty(p.Description),
    }),
  };
}

/** A security group with its rules (DescribeSecurityGroupAttributes of that group). */
function mapSecurityGroupUnguarded(
  raw: wire.SecurityGroup,
  permissions: readonly wire.Permission[],
  ctx: MapContext,
): SecurityGroup {
  const nativeId = raw.SecurityGroupId ?? '';
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nonEmpty(raw.SecurityGroupName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreationTime,
    ),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      description: nonEmpty(raw.Description),
    }),
    rules: permissions.map((p) => mapRule(p, ctx)),
  };
}

export const securityGroupFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [DESCRIBE_SECURITY_GROUPS, DESCRIBE_SECURITY_GROUP_ATTRIBUTES],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const groups: wire.SecurityGroup[] = [];
    const items = listByPageNumber<wire.DescribeSecurityGroups, wire.SecurityGroup>(
      ctx,
      clients,
      DESCRIBE_SECURITY_GROUPS,
      ctx.region,
      {},
      {
        pageSize: SG_PAGE_SIZE,
        items: (p) => p.SecurityGroups,
        total: (p) => p.TotalCount,
        idOf: (g) => g.SecurityGroupId,
      },
    );
    for await (const g of items) if (g.SecurityGroupId) groups.push(g);
    const records = mapInOrder(groups, async (g) => {
      const attrs = await volcRequest<wire.DescribeSecurityGroupAttributes>(
        ctx,
        clients,
        DESCRIBE_SECURITY_GROUP_ATTRIBUTES,
        ctx.region,
        { SecurityGroupId: g.SecurityGroupId ?? '' },
      );
      return mapSecurityGroup(g, attrs.Permissions ?? [], ctx.map);
    });
    for await (const record of records) yield { kind: 'security_group', record };
  },
};

/** `mapSecurityGroupUnguarded` behind the hostile-shape guard. */
export const mapSecurityGroup = guardMapper(
  'volcengine security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
