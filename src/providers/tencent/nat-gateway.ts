import { guardMapper } from '../mapper-guard.js';
import { DnatRuleSchema, NatGatewaySchema } from '../../model/index.js';
import type { Availability, DnatRule, MapContext, NatGateway } from '../../model/index.js';
import { compact, lookup, refId, resourceId } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import {
  baseFields,
  defined,
  deviceInterface,
  nonEmpty,
  tencentOperation,
  tencentTags,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NAT_GATEWAYS = tencentOperation('vpc', 'DescribeNatGateways', false);
const DESCRIBE_DNAT_RULES = tencentOperation(
  'vpc',
  'DescribeNatGatewayDestinationIpPortTranslationNatRules',
  false,
);

const NAT_PAGE_SIZE = 100;
/** NAT ids asked for per DNAT listing. */
const NAT_IDS_PER_CALL = 20;

const NAT_STATE: Readonly<Record<string, Availability>> = {
  PENDING: 'pending',
  AVAILABLE: 'available',
  UPDATING: 'pending',
  DELETING: 'deleting',
  FAILED: 'error',
};

function mapDnatRuleUnguarded(raw: wire.DnatRule): DnatRule {
  return {
    protocol: (raw.IpProtocol ?? 'all').toLowerCase(),
    public_ip: raw.PublicIpAddress ?? '',
    private_ip: raw.PrivateIpAddress ?? '',
    ...defined({ public_port: raw.PublicPort, private_port: raw.PrivatePort }),
  };
}

/** A NAT gateway with its EIPs and DNAT rules. Tencent NAT gateways are public ones (EIPs egress). */
function mapNatGatewayUnguarded(
  raw: wire.NatGateway,
  dnat: readonly wire.DnatRule[],
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.NatGatewayId ?? '';
  const publicIps = compact((raw.PublicIpAddressSet ?? []).map((a) => a.PublicIpAddress));
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nonEmpty(raw.NatGatewayName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.SubnetId)),
      zone_id: zoneRef(ctx, raw.Zone),
    }),
    state: lookup(NAT_STATE, raw.State, 'unknown'),
    connectivity: publicIps.length > 0 ? 'public' : 'private',
    public_ips: publicIps,
    private_ips: [],
    snat_rules: [],
    dnat_rules: dnat.filter((r) => r.NatGatewayId === nativeId).map(mapDnatRule),
  };
}

/** The DNAT rules of the region's NAT gateways, a few gateways per listing. */
async function dnatRules(
  ctx: FetchContext<TencentSession>,
  natIds: readonly string[],
): Promise<wire.DnatRule[]> {
  const out: wire.DnatRule[] = [];
  for (let i = 0; i < natIds.length; i += NAT_IDS_PER_CALL) {
    const items = listByOffset<wire.DescribeDnatRules, wire.DnatRule>(
      ctx,
      ctx.session.clients,
      DESCRIBE_DNAT_RULES,
      ctx.region,
      { NatGatewayIds: natIds.slice(i, i + NAT_IDS_PER_CALL) },
      {
        pageSize: NAT_PAGE_SIZE,
        items: (p) => p.NatGatewayDestinationIpPortTranslationNatRuleSet,
        idOf: () => undefined,
      },
    );
    for await (const r of items) out.push(r);
  }
  return out;
}

export const natGatewayFetcher: ResourceFetcher<TencentSession> = {
  kind: 'nat_gateway',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_NAT_GATEWAYS, DESCRIBE_DNAT_RULES],
  async *fetch(ctx) {
    const nats: wire.NatGateway[] = [];
    const items = listByOffset<wire.DescribeNatGateways, wire.NatGateway>(
      ctx,
      ctx.session.clients,
      DESCRIBE_NAT_GATEWAYS,
      ctx.region,
      {},
      { pageSize: NAT_PAGE_SIZE, items: (p) => p.NatGatewaySet, idOf: (n) => n.NatGatewayId },
    );
    for await (const raw of items) if (raw.NatGatewayId && raw.VpcId) nats.push(raw);
    const dnat =
      nats.length === 0
        ? []
        : await dnatRules(
            ctx,
            nats.map((n) => n.NatGatewayId ?? ''),
          );
    for (const raw of nats) {
      const record = mapNatGateway(raw, dnat, ctx.map);
      yield { kind: 'nat_gateway', record };
      yield {
        kind: 'network_interface',
        record: deviceInterface(ctx.map, 'nat_gateway', record.native_id, {
          vpcId: raw.VpcId,
          subnetId: raw.SubnetId,
          privateIps: [],
        }),
      };
    }
  },
};

/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'tencent NAT gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);

/** `mapDnatRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapDnatRule = guardMapper('tencent dnat rule', mapDnatRuleUnguarded, DnatRuleSchema);
