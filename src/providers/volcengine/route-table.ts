import { guardMapper } from '../mapper-guard.js';
import { RouteTableSchema } from '../../model/index.js';
import type { MapContext, NextHopType, Route, RouteTable } from '../../model/index.js';
import { lookup, refId, resourceId } from '../../model/index.js';
import { mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, refIds, volcOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ROUTE_TABLE_LIST = volcOperation('vpc', 'DescribeRouteTableList', false);
const DESCRIBE_ROUTE_ENTRY_LIST = volcOperation('vpc', 'DescribeRouteEntryList', false);

const RT_PAGE_SIZE = 100;

const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  Local: 'local',
  NatGW: 'nat_gateway',
  Instance: 'instance',
  NetworkInterface: 'network_interface',
  VpnGW: 'vpn_gateway',
  TransitRouter: 'transit_gateway',
  VpcPeer: 'peering',
  CEN: 'cloud_network',
  PrivateLinkVpcEndpoint: 'vpc_endpoint',
};

/** Next hops whose target is a record we list (so the reference resolves). */
const NEXT_HOP_KIND = {
  nat_gateway: 'nat_gateway',
  instance: 'vm',
  network_interface: 'network_interface',
} as const;

const ROUTE_STATE: Readonly<Record<string, Route['state']>> = {
  Available: 'active',
  Pending: 'active',
};

function mapRoute(e: wire.RouteEntry, ctx: MapContext): Route {
  const type = lookup(NEXT_HOP, e.NextHopType, 'other');
  const kind =
    type in NEXT_HOP_KIND ? NEXT_HOP_KIND[type as keyof typeof NEXT_HOP_KIND] : undefined;
  return {
    destination: e.DestinationCidrBlock ?? '',
    next_hop_type: type,
    ...defined({
      next_hop: nonEmpty(e.NextHopId),
      next_hop_id: kind === undefined ? undefined : refId(ctx, kind, e.NextHopId),
    }),
    state: lookup(ROUTE_STATE, e.Status, 'unknown'),
  };
}

/** A route table with its entries; `System` is the VPC's main table. */
function mapRouteTableUnguarded(
  raw: wire.RouteTable,
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
      {},
      raw.CreationTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    is_main: raw.RouteTableType === 'System',
    subnet_ids: refIds(ctx, 'subnet', raw.SubnetIds ?? []),
    routes: entries.map((e) => mapRoute(e, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [DESCRIBE_ROUTE_TABLE_LIST, DESCRIBE_ROUTE_ENTRY_LIST],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const tables: wire.RouteTable[] = [];
    const list = listByPageNumber<wire.DescribeRouteTableList, wire.RouteTable>(
      ctx,
      clients,
      DESCRIBE_ROUTE_TABLE_LIST,
      ctx.region,
      {},
      {
        pageSize: RT_PAGE_SIZE,
        items: (p) => p.RouterTableList,
        total: (p) => p.TotalCount,
        idOf: (t) => t.RouteTableId,
      },
    );
    for await (const t of list) if (t.RouteTableId) tables.push(t);
    const records = mapInOrder(tables, async (t) => {
      const entries: wire.RouteEntry[] = [];
      const items = listByPageNumber<wire.DescribeRouteEntryList, wire.RouteEntry>(
        ctx,
        clients,
        DESCRIBE_ROUTE_ENTRY_LIST,
        ctx.region,
        { RouteTableId: t.RouteTableId ?? '' },
        {
          pageSize: RT_PAGE_SIZE,
          items: (p) => p.RouteEntries,
          total: (p) => p.TotalCount,
          idOf: (e) => e.RouteEntryId,
        },
      );
      for await (const e of items) entries.push(e);
      return mapRouteTable(t, entries, ctx.map);
    });
    for await (const record of records) yield { kind: 'route_table', record };
  },
};

/** `mapRouteTableUnguarded` behind the hostile-shape guard. */
export const mapRouteTable = guardMapper(
  'volcengine route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
