import { guardMapper } from '../mapper-guard.js';
import { DnatRuleSchema, NatGatewaySchema, SnatRuleSchema } from '../../model/index.js';
import type {
  Availability,
  DnatRule,
  MapContext,
  NatGateway,
  SnatRule,
} from '../../model/index.js';
import { compact, lookup, normalizeProtocol, refId, resourceId, toInt } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import { collect, collectInOrder, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, zoneRef } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_NAT_GATEWAYS = aliyunOperation('vpc', 'DescribeNatGateways', false);
const DESCRIBE_SNAT_TABLE_ENTRIES = aliyunOperation('vpc', 'DescribeSnatTableEntries', false);
const DESCRIBE_FORWARD_TABLE_ENTRIES = aliyunOperation('vpc', 'DescribeForwardTableEntries', false);

const NAT_STATE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Creating: 'pending',
  Modifying: 'pending',
  Converting: 'pending',
  Deleting: 'deleting',
};

/** `Any` port or protocol → undefined / `all`. */
function port(value: string | undefined): number | undefined {
  return value === undefined || value.toLowerCase() === 'any' ? undefined : toInt(value);
}

function mapSnatEntryUnguarded(e: wire.SnatTableEntry, ctx: MapContext): SnatRule {
  return {
    ...defined({
      native_id: nonEmpty(e.SnatEntryId),
      source_subnet_id: refId(ctx, 'subnet', nonEmpty(e.SourceVSwitchId)),
    }),
    source_cidr: e.SourceCIDR ?? '',
    // SnatIp is a comma-separated list when the entry uses several EIPs.
    public_ips: compact((e.SnatIp ?? '').split(',').map((ip) => ip.trim())),
  };
}

function mapForwardEntryUnguarded(e: wire.ForwardTableEntry): DnatRule {
  return {
    ...defined({ native_id: nonEmpty(e.ForwardEntryId) }),
    protocol: normalizeProtocol(e.IpProtocol),
    public_ip: e.ExternalIp ?? '',
    ...defined({ public_port: port(e.ExternalPort) }),
    private_ip: e.InternalIp ?? '',
    ...defined({ private_port: port(e.InternalPort) }),
  };
}

/** A NAT gateway with its SNAT and DNAT (forward) entries; public IPs = its EIPs (IpLists). */
function mapNatGatewayUnguarded(
  raw: wire.NatGateway,
  snat: readonly wire.SnatTableEntry[],
  dnat: readonly wire.ForwardTableEntry[],
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.NatGatewayId ?? '';
  const priv = raw.NatGatewayPrivateInfo;
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nonEmpty(raw.Name) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({
      subnet_id: refId(ctx, 'subnet', nonEmpty(priv?.VswitchId)),
      zone_id: zoneRef(ctx, priv?.IzNo),
    }),
    state: lookup(NAT_STATE, raw.Status, 'unknown'),
    connectivity: raw.NetworkType === 'intranet' ? 'private' : 'public',
    public_ips: compact((raw.IpLists?.IpList ?? []).map((i) => i.IpAddress)),
    private_ips: compact([priv?.PrivateIpAddress]),
    snat_rules: snat
      .filter(
        (e) => nonEmpty(e.SourceCIDR) !== undefined || nonEmpty(e.SourceVSwitchId) !== undefined,
      )
      .map((e) => mapSnatEntry(e, ctx)),
    dnat_rules: dnat.filter((e) => e.ExternalIp && e.InternalIp).map(mapForwardEntry),
  };
}

/** Every entry of several SNAT or DNAT tables, the tables at once. */
async function collectTables<T>(
  tableIds: readonly string[],
  list: (tableId: string) => AsyncIterable<T>,
): Promise<T[]> {
  return (await collectInOrder(tableIds, (id) => collect(list(id)))).flat();
}

export const natGatewayFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'nat_gateway',
  scope: 'regional',
  operations: [DESCRIBE_NAT_GATEWAYS, DESCRIBE_SNAT_TABLE_ENTRIES, DESCRIBE_FORWARD_TABLE_ENTRIES],
  async *fetch(ctx) {
    const gateways = listByPageNumber<wire.DescribeNatGateways, wire.NatGateway>(
      ctx,
      ctx.session.clients,
      DESCRIBE_NAT_GATEWAYS,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: VPC_PAGE_SIZE,
        items: (p) => p.NatGateways?.NatGateway,
        idOf: (n) => n.NatGatewayId,
      },
    );
    const listed = (await collect(gateways)).filter((raw) => raw.NatGatewayId && raw.VpcId);
    // The SNAT and DNAT entries of every gateway at once.
    const records = mapInOrder(listed, async (raw) => {
      const [snat, dnat] = await Promise.all([
        collectTables(raw.SnatTableIds?.SnatTableId ?? [], (id) =>
          listByPageNumber<wire.DescribeSnatTableEntries, wire.SnatTableEntry>(
            ctx,
            ctx.session.clients,
            DESCRIBE_SNAT_TABLE_ENTRIES,
            ctx.region,
            { RegionId: ctx.region, SnatTableId: id },
            {
              pageSize: VPC_PAGE_SIZE,
              items: (p) => p.SnatTableEntries?.SnatTableEntry,
              idOf: (e) => e.SnatEntryId,
            },
          ),
        ),
        collectTables(raw.ForwardTableIds?.ForwardTableId ?? [], (id) =>
          listByPageNumber<wire.DescribeForwardTableEntries, wire.ForwardTableEntry>(
            ctx,
            ctx.session.clients,
            DESCRIBE_FORWARD_TABLE_ENTRIES,
            ctx.region,
            { RegionId: ctx.region, ForwardTableId: id },
            {
              pageSize: VPC_PAGE_SIZE,
              items: (p) => p.ForwardTableEntries?.ForwardTableEntry,
              idOf: (e) => e.ForwardEntryId,
            },
          ),
        ),
      ]);
      return mapNatGateway(raw, snat, dnat, ctx.map);
    });
    for await (const record of records) yield { kind: 'nat_gateway', record };
  },
};

/** `mapSnatEntryUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSnatEntry = guardMapper('aliyun snat entry', mapSnatEntryUnguarded, SnatRuleSchema);
/** `mapForwardEntryUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapForwardEntry = guardMapper(
  'aliyun forward entry',
  mapForwardEntryUnguarded,
  DnatRuleSchema,
);
/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'aliyun nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
