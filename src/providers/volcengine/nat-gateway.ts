import { guardMapper } from '../mapper-guard.js';
import { NatGatewaySchema } from '../../model/index.js';
import type { Availability, MapContext, NatGateway, SnatRule } from '../../model/index.js';
import { compact, lookup, refId, resourceId } from '../../model/index.js';
import { collect } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags, zoneRef } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NAT_GATEWAYS = volcOperation('natgateway', 'DescribeNatGateways', false);
const DESCRIBE_SNAT_ENTRIES = volcOperation('natgateway', 'DescribeSnatEntries', false);

const NAT_PAGE_SIZE = 100;

const NAT_STATE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Creating: 'pending',
  Pending: 'pending',
  Deleting: 'deleting',
};

function mapSnat(e: wire.SnatEntry, ctx: MapContext): SnatRule {
  return {
    source_cidr: e.SourceCidr ?? '',
    public_ips: compact([e.EipAddress]),
    ...defined({
      native_id: nonEmpty(e.SnatEntryId),
      source_subnet_id: refId(ctx, 'subnet', e.SubnetId),
    }),
  };
}

/** A NAT gateway with its EIPs and SNAT entries (the ENI and its private IP are listed as an ENI). */
function mapNatGatewayUnguarded(
  raw: wire.NatGateway,
  snat: readonly wire.SnatEntry[],
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.NatGatewayId ?? '';
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nonEmpty(raw.NatGatewayName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreationTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({
      subnet_id: refId(ctx, 'subnet', raw.SubnetId),
      zone_id: zoneRef(ctx, raw.ZoneId),
    }),
    state: lookup(NAT_STATE, raw.Status, 'unknown'),
    connectivity: raw.NetworkType === 'intranet' ? 'private' : 'public',
    public_ips: compact((raw.EipAddresses ?? []).map((e) => e.EipAddress)),
    private_ips: [],
    snat_rules: snat.map((e) => mapSnat(e, ctx)),
    dnat_rules: [],
  };
}

/** NAT gateways and, in one region-wide listing, every SNAT entry (grouped by NatGatewayId). */
export const natGatewayFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'nat_gateway',
  scope: 'regional',
  operations: [DESCRIBE_NAT_GATEWAYS, DESCRIBE_SNAT_ENTRIES],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const nats = (
      await collect(
        listByPageNumber<wire.DescribeNatGateways, wire.NatGateway>(
          ctx,
          clients,
          DESCRIBE_NAT_GATEWAYS,
          ctx.region,
          {},
          {
            pageSize: NAT_PAGE_SIZE,
            items: (p) => p.NatGateways,
            total: (p) => p.TotalCount,
            idOf: (n) => n.NatGatewayId,
          },
        ),
      )
    ).filter((n) => n.NatGatewayId);
    if (nats.length === 0) return;
    const byNat = new Map<string, wire.SnatEntry[]>();
    const entries = listByPageNumber<wire.DescribeSnatEntries, wire.SnatEntry>(
      ctx,
      clients,
      DESCRIBE_SNAT_ENTRIES,
      ctx.region,
      {},
      {
        pageSize: NAT_PAGE_SIZE,
        items: (p) => p.SnatEntries,
        total: (p) => p.TotalCount,
        idOf: (e) => e.SnatEntryId,
      },
    );
    for await (const e of entries) {
      const id = e.NatGatewayId ?? '';
      byNat.set(id, [...(byNat.get(id) ?? []), e]);
    }
    for (const n of nats) {
      const record = mapNatGateway(n, byNat.get(n.NatGatewayId ?? '') ?? [], ctx.map);
      yield { kind: 'nat_gateway', record };
    }
  },
};

/** `mapNatGatewayUnguarded` behind the hostile-shape guard. */
export const mapNatGateway = guardMapper(
  'volcengine nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
