import { guardMapper } from '../mapper-guard.js';
import { SecurityGroupRuleSchema, SecurityGroupSchema } from '../../model/index.js';
import type { MapContext, SecurityGroup, SecurityGroupRule } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import { armId, azureOperation, azureTags, baseFields, inRegion, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_NSGS = azureOperation(
  'networkSecurityGroups.listAll',
  'Microsoft.Network/networkSecurityGroups/read',
  false,
);

const CIDR = /^[0-9a-f.:]+(\/\d+)?$/i;

/** `*` and `Any` mean every protocol / port. */
function anyToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v === '*' || v.toLowerCase() === 'any' ? undefined : v;
}

function mapRuleUnguarded(raw: wire.SecurityRule): SecurityGroupRule {
  const ingress = raw.direction !== 'Outbound';
  const prefixes = ingress
    ? [raw.sourceAddressPrefix, ...(raw.sourceAddressPrefixes ?? [])]
    : [raw.destinationAddressPrefix, ...(raw.destinationAddressPrefixes ?? [])];
  const prefix = prefixes.find((p) => nonEmpty(p) !== undefined);
  const ports = anyToUndefined(
    [raw.destinationPortRange, ...(raw.destinationPortRanges ?? [])]
      .filter((p) => nonEmpty(p) !== undefined)
      .join(','),
  );
  const protocol = anyToUndefined(raw.protocol)?.toLowerCase() ?? 'all';
  const description = nonEmpty(raw.description);
  const remote = anyToUndefined(prefix);
  return {
    direction: ingress ? 'ingress' : 'egress',
    protocol,
    ...(ports === undefined || ports === '' ? {} : { port_range: ports }),
    // An address prefix is a CIDR or IP; anything else is a service tag (`VirtualNetwork`, `Internet`).
    ...(remote === undefined ? { cidr: '0.0.0.0/0' } : {}),
    ...(remote !== undefined && CIDR.test(remote) ? { cidr: remote } : {}),
    ...(remote !== undefined && !CIDR.test(remote) ? { remote } : {}),
    action: raw.access === 'Deny' ? 'deny' : 'allow',
    ...(raw.priority === undefined ? {} : { priority: raw.priority }),
    ...(description === undefined ? {} : { description }),
  };
}

/** An NSG with its own rules, then Azure's default rules (priority 65000 and up). NSGs are not tied to a VNet. */
function mapSecurityGroupUnguarded(raw: wire.NetworkSecurityGroup, ctx: MapContext): SecurityGroup {
  const nativeId = armId(raw.id) ?? '';
  return {
    ...baseFields(
      ctx,
      'security_group',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    rules: [...(raw.securityRules ?? []), ...(raw.defaultSecurityRules ?? [])].map(mapRule),
  };
}

export const securityGroupFetcher: ResourceFetcher<AzureSession> = {
  kind: 'security_group',
  scope: 'regional',
  operations: [LIST_NSGS],
  async *fetch(ctx) {
    const groups = await shared(
      ctx,
      LIST_NSGS,
      (sub) =>
        ctx.session.clients.network(sub).networkSecurityGroups.listAll({ abortSignal: ctx.signal }),
      ctx.session.clients.tokens.network,
    );
    for (const raw of groups) {
      if (inRegion(raw, ctx.region)) {
        yield { kind: 'security_group', record: mapSecurityGroup(raw, ctx.map) };
      }
    }
  },
};

/** `mapRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRule = guardMapper('azure rule', mapRuleUnguarded, SecurityGroupRuleSchema);
/** `mapSecurityGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSecurityGroup = guardMapper(
  'azure security group',
  mapSecurityGroupUnguarded,
  SecurityGroupSchema,
);
