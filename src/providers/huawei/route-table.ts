import { guardMapper } from '../mapper-guard.js';
import { RouteSchema, RouteTableSchema } from '../../model/index.js';
import type {
  MapContext,
  NextHopType,
  ResourceKind,
  Route,
  RouteTable,
} from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import { mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { huaweiRequest } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty, refIds } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_ROUTE_TABLES = huaweiOperation('vpc', 'ListRouteTables', false, 'vpc:routeTables:list');
const SHOW_ROUTE_TABLE = huaweiOperation('vpc', 'ShowRouteTable', false, 'vpc:routeTables:get');

/** Route `type` → next hop type, and the kind its `nexthop` id refers to (when we list that kind). */
const NEXT_HOP: Readonly<Record<string, readonly [NextHopType, ResourceKind | undefined]>> = {
  local: ['local', undefined],
  nat: ['nat_gateway', 'nat_gateway'],
  // Private NAT gateways are another API, not listed.
  private_nat: ['nat_gateway', undefined],
  peering: ['peering', 'peering_connection'],
  ecs: ['instance', 'vm'],
  eni: ['network_interface', 'network_interface'],
  vip: ['other', undefined],
  vpn: ['vpn_gateway', undefined],
  dc: ['other', undefined],
  cc: ['cloud_network', undefined],
  er: ['cloud_network', undefined],
};

function mapRouteUnguarded(raw: wire.RouteEntry, ctx: MapContext): Route {
  const [type, kind] = lookup(NEXT_HOP, raw.type, ['other', undefined] as const);
  const hop = nonEmpty(raw.nexthop);
  return {
    destination: raw.destination ?? '',
    next_hop_type: type,
    ...defined({
      next_hop: hop,
      next_hop_id: kind === undefined ? undefined : refId(ctx, kind, hop),
    }),
    state: 'active',
  };
}

/** The list gives the table and its subnets; ShowRouteTable adds the routes. */
function mapRouteTableUnguarded(raw: wire.RouteTableDetail, ctx: MapContext): RouteTable {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(ctx, 'route_table', nativeId, nonEmpty(raw.name) ?? nativeId, {}, raw.created_at),
    vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)) ?? '',
    is_main: raw.default ?? false,
    subnet_ids: refIds(
      ctx,
      'subnet',
      (raw.subnets ?? []).map((s) => s.id),
    ),
    routes: (raw.routes ?? []).map((r) => mapRoute(r, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [LIST_ROUTE_TABLES, SHOW_ROUTE_TABLE],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListRouteTables, wire.RouteTableSummary>(
      ctx,
      LIST_ROUTE_TABLES,
      ctx.region,
      '/v1/{project_id}/routetables',
      {},
      { limit: VPC_PAGE_SIZE, items: (p) => p.routetables, idOf: (t) => t.id },
    );
    const tables: wire.RouteTableSummary[] = [];
    for await (const summary of items) {
      if (nonEmpty(summary.id) !== undefined && nonEmpty(summary.vpc_id) !== undefined) {
        tables.push(summary);
      }
    }
    // ShowRouteTable per table, concurrently (the account's request limit still applies), in order.
    const details = mapInOrder(tables, async (summary) => {
      const detail = await huaweiRequest<wire.ShowRouteTable>(
        ctx,
        SHOW_ROUTE_TABLE,
        ctx.region,
        `/v1/{project_id}/routetables/${encodeURIComponent(summary.id ?? '')}`,
      );
      return { ...summary, ...detail.routetable };
    });
    for await (const raw of details) {
      yield { kind: 'route_table', record: mapRouteTable(raw, ctx.map) };
    }
  },
};

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('huawei route', mapRouteUnguarded, RouteSchema);
/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'huawei route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
