import { guardMapper } from '../mapper-guard.js';
import { DnatRuleSchema, NatGatewaySchema, SnatRuleSchema } from '../../model/index.js';
import type {
  Availability,
  DnatRule,
  MapContext,
  NatGateway,
  SnatRule,
} from '../../model/index.js';
import { compact, lookup, normalizeProtocol, refId } from '../../model/index.js';
import { collect } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty } from './common.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_NAT_GATEWAYS = huaweiOperation('nat', 'ListNatGateways', false, 'nat:natGateways:list');
const LIST_SNAT_RULES = huaweiOperation(
  'nat',
  'ListNatGatewaySnatRules',
  false,
  'nat:snatRules:list',
);
const LIST_DNAT_RULES = huaweiOperation(
  'nat',
  'ListNatGatewayDnatRules',
  false,
  'nat:dnatRules:list',
);

/** NAT v2 lists at most 2000 per page. */
export const NAT_PAGE_SIZE = 2000;

const NAT_STATE: Readonly<Record<string, Availability>> = {
  ACTIVE: 'available',
  PENDING_CREATE: 'pending',
  PENDING_UPDATE: 'pending',
  PENDING_DELETE: 'deleting',
  INACTIVE: 'error',
  EIP_FREEZED: 'error',
};

/** A comma-separated EIP list (`floating_ip_address` of an SNAT rule with several EIPs). */
function ipList(value: string | undefined): string[] {
  return compact((value ?? '').split(',').map((s) => s.trim()));
}

function mapSnatRuleUnguarded(raw: wire.SnatRule, ctx: MapContext): SnatRule {
  const subnet = nonEmpty(raw.network_id);
  return {
    ...defined({ native_id: nonEmpty(raw.id) }),
    // A rule is for a subnet (`network_id`) or a CIDR (Direct Connect / custom).
    source_cidr: nonEmpty(raw.cidr) ?? '',
    ...defined({ source_subnet_id: refId(ctx, 'subnet', subnet) }),
    public_ips: ipList(raw.floating_ip_address),
  };
}

function mapDnatRuleUnguarded(raw: wire.DnatRule): DnatRule {
  return {
    ...defined({ native_id: nonEmpty(raw.id) }),
    protocol: normalizeProtocol(raw.protocol),
    public_ip: raw.floating_ip_address ?? '',
    ...defined({ public_port: raw.external_service_port }),
    private_ip: raw.private_ip ?? '',
    ...defined({ private_port: raw.internal_service_port }),
  };
}

/** The gateway with its rules (from the region-wide rule lists, by `nat_gateway_id`). */
function mapNatGatewayUnguarded(
  raw: wire.NatGateway,
  snat: readonly wire.SnatRule[],
  dnat: readonly wire.DnatRule[],
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.id ?? '';
  const snatRules = snat.map((r) => mapSnatRule(r, ctx));
  const dnatRules = dnat.map(mapDnatRule);
  return {
    ...baseFields(ctx, 'nat_gateway', nativeId, nonEmpty(raw.name) ?? nativeId, {}, raw.created_at),
    vpc_id: refId(ctx, 'vpc', nonEmpty(raw.router_id)) ?? '',
    ...defined({ subnet_id: refId(ctx, 'subnet', nonEmpty(raw.internal_network_id)) }),
    state: lookup(NAT_STATE, raw.status, 'unknown'),
    // NAT v2 is the public NAT gateway; private NAT is another API.
    connectivity: 'public',
    public_ips: compact([
      ...snatRules.flatMap((r) => r.public_ips),
      ...dnatRules.map((r) => r.public_ip),
    ]),
    private_ips: compact([raw.ngport_ip_address]),
    snat_rules: snatRules,
    dnat_rules: dnatRules,
  };
}

function byGateway<T extends { readonly nat_gateway_id?: string }>(
  rules: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rules) {
    const id = r.nat_gateway_id;
    if (id === undefined) continue;
    const list = out.get(id) ?? [];
    list.push(r);
    out.set(id, list);
  }
  return out;
}

export const natGatewayFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'nat_gateway',
  scope: 'regional',
  operations: [LIST_NAT_GATEWAYS, LIST_SNAT_RULES, LIST_DNAT_RULES],
  async *fetch(ctx) {
    const { region } = ctx;
    const gateways = await collect(
      listByMarker<wire.ListNatGateways, wire.NatGateway>(
        ctx,
        LIST_NAT_GATEWAYS,
        region,
        '/v2/{project_id}/nat_gateways',
        {},
        { limit: NAT_PAGE_SIZE, items: (p) => p.nat_gateways, idOf: (t) => t.id },
      ),
    );
    if (gateways.length === 0) return;
    const [snat, dnat] = await Promise.all([
      collect(
        listByMarker<wire.ListSnatRules, wire.SnatRule>(
          ctx,
          LIST_SNAT_RULES,
          region,
          '/v2/{project_id}/snat_rules',
          {},
          { limit: NAT_PAGE_SIZE, items: (p) => p.snat_rules, idOf: (t) => t.id },
        ),
      ),
      collect(
        listByMarker<wire.ListDnatRules, wire.DnatRule>(
          ctx,
          LIST_DNAT_RULES,
          region,
          '/v2/{project_id}/dnat_rules',
          {},
          { limit: NAT_PAGE_SIZE, items: (p) => p.dnat_rules, idOf: (t) => t.id },
        ),
      ),
    ]);
    const snatBy = byGateway(snat);
    const dnatBy = byGateway(dnat);
    for (const raw of gateways) {
      const id = nonEmpty(raw.id);
      if (id === undefined) continue;
      const record = mapNatGateway(raw, snatBy.get(id) ?? [], dnatBy.get(id) ?? [], ctx.map);
      yield { kind: 'nat_gateway', record };
    }
  },
};

/** `mapSnatRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSnatRule = guardMapper('huawei snat rule', mapSnatRuleUnguarded, SnatRuleSchema);
/** `mapDnatRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapDnatRule = guardMapper('huawei dnat rule', mapDnatRuleUnguarded, DnatRuleSchema);
/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'huawei nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
