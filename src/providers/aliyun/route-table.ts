import { guardMapper } from '../mapper-guard.js';
import { RouteSchema, RouteTableSchema } from '../../model/index.js';
import type { MapContext, NextHopType, Route, RouteTable } from '../../model/index.js';
import { lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber, pagesByToken } from './client.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, refIds } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_ROUTE_TABLE_LIST = aliyunOperation('vpc', 'DescribeRouteTableList', false);
const DESCRIBE_ROUTE_ENTRY_LIST = aliyunOperation('vpc', 'DescribeRouteEntryList', false);

/** The largest `MaxResult` (sic) DescribeRouteEntryList accepts. */
const ROUTE_ENTRY_MAX = 100;

const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  local: 'local',
  Local: 'local',
  NatGateway: 'nat_gateway',
  Instance: 'instance',
  NetworkInterface: 'network_interface',
  VpnGateway: 'vpn_gateway',
  VpcPeer: 'peering',
  Ipv4Gateway: 'internet_gateway',
  IPv6Gateway: 'egress_only_gateway',
  Attachment: 'transit_gateway',
  GatewayEndpoint: 'vpc_endpoint',
  RouterInterface: 'other',
  HaVip: 'other',
};

/**
 * Next-hop types whose id is a record this adapter emits. VPC peering connections are not fetched yet, so a
 * `VpcPeer` hop keeps its native id only.
 */
const NEXT_HOP_KIND = {
  NatGateway: 'nat_gateway',
  Instance: 'vm',
  NetworkInterface: 'network_interface',
} as const;

function mapRouteUnguarded(entry: wire.RouteEntry, ctx: MapContext): Route {
  // Aliyun may list several next hops (ECMP); the first decides, as in DeepFlow. None = the local route.
  const hop = entry.NextHops?.NextHop?.[0];
  const type = nonEmpty(hop?.NextHopType);
  const id = nonEmpty(hop?.NextHopId);
  const kind =
    type !== undefined && Object.hasOwn(NEXT_HOP_KIND, type)
      ? NEXT_HOP_KIND[type as keyof typeof NEXT_HOP_KIND]
      : undefined;
  return {
    destination: entry.DestinationCidrBlock ?? '',
    next_hop_type: type === undefined ? 'local' : lookup(NEXT_HOP, type, 'other'),
    ...defined({
      next_hop: id,
      next_hop_id: kind === undefined ? undefined : refId(ctx, kind, id),
    }),
    state: entry.Status === 'Available' ? 'active' : 'unknown',
  };
}

function mapRouteTableUnguarded(
  raw: wire.RouteTableListType,
  entries: readonly wire.RouteEntry[],
  ctx: MapContext,
): RouteTable {
  const nativeId = raw.RouteTableId ?? '';
  return {
    ...baseFields(
      ctx,
      'route_table',
      nativeId,
      nonEmpty(raw.RouteTableName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    is_main: raw.RouteTableType === 'System',
    subnet_ids: refIds(ctx, 'subnet', raw.VSwitchIds?.VSwitchId ?? []),
    // Entries being created or deleted are not routes yet (DeepFlow keeps `Available` only).
    routes: entries
      .filter((e) => e.DestinationCidrBlock && (e.Status ?? 'Available') === 'Available')
      .map((e) => mapRoute(e, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [DESCRIBE_ROUTE_TABLE_LIST, DESCRIBE_ROUTE_ENTRY_LIST],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const tables = listByPageNumber<wire.DescribeRouteTableList, wire.RouteTableListType>(
      ctx,
      clients,
      DESCRIBE_ROUTE_TABLE_LIST,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: VPC_PAGE_SIZE,
        items: (p) => p.RouterTableList?.RouterTableListType,
        idOf: (t) => t.RouteTableId,
      },
    );
    const listed = (await collect(tables)).filter((raw) => raw.RouteTableId && raw.VpcId);
    // The entries of every table at once (each table's pages one after another).
    const records = mapInOrder(listed, async (raw) => {
      const entries: wire.RouteEntry[] = [];
      const pages = pagesByToken<wire.DescribeRouteEntryList>(
        ctx,
        clients,
        DESCRIBE_ROUTE_ENTRY_LIST,
        ctx.region,
        { RegionId: ctx.region, RouteTableId: raw.RouteTableId ?? '' },
        ROUTE_ENTRY_MAX,
        'MaxResult',
      );
      for await (const page of pages) entries.push(...(page.RouteEntrys?.RouteEntry ?? []));
      return mapRouteTable(raw, entries, ctx.map);
    });
    for await (const record of records) yield { kind: 'route_table', record };
  },
};

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('aliyun route', mapRouteUnguarded, RouteSchema);
/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'aliyun route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
