import { guardMapper } from '../mapper-guard.js';
import { RouteSchema, RouteTableSchema } from '../../model/index.js';
import type { MapContext, NextHopType, Route, RouteTable } from '../../model/index.js';
import { lookup, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  refIds,
  vxnetRouters,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ROUTE_TABLES = qingcloudOperation('DescribeRouteTables', false);

/** `nexthop_type` → ours (DeepFlow: 2 the VPC router, 4 a NAT gateway). */
const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  '0': 'local',
  '1': 'instance',
  '2': 'internet_gateway',
  '4': 'nat_gateway',
};

/** The vxnets a routing table is bound to (`resource_map` entries of type `vxnet`). */
export function boundVxnets(raw: wire.RoutingTable): string[] {
  const out: string[] = [];
  for (const [key, r] of Object.entries(raw.resource_map ?? {})) {
    if (r.resource_type !== undefined && r.resource_type !== 'vxnet') continue;
    const id = nonEmpty(r.resource_id) ?? key;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function mapRouteUnguarded(raw: wire.RoutingTableRule, ctx: MapContext): Route {
  const type = lookup(NEXT_HOP, String(raw.nexthop_type ?? ''), 'other');
  const hop = nonEmpty(raw.nexthop);
  const refKind =
    type === 'nat_gateway'
      ? 'nat_gateway'
      : type === 'internet_gateway'
        ? 'vpc'
        : type === 'instance'
          ? 'vm'
          : undefined;
  return {
    destination: raw.network ?? '',
    next_hop_type: type,
    ...defined({
      next_hop: hop,
      next_hop_id:
        refKind === undefined || hop === undefined ? undefined : resourceId(ctx, refKind, hop),
    }),
    state: 'active',
  };
}

/** The VPC of a table: the router of its first bound vxnet; a table bound to none is not listed. */
export function tableVpc(
  raw: wire.RoutingTable,
  routers: ReadonlyMap<string, string>,
): string | undefined {
  for (const v of boundVxnets(raw)) {
    const router = routers.get(v);
    if (router !== undefined) return router;
  }
  return undefined;
}

function mapRouteTableUnguarded(
  raw: wire.RoutingTable,
  vpc: string,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): RouteTable {
  const nativeId = raw.rtable_id ?? '';
  return {
    ...baseFields(ctx, 'route_table', nativeId, raw.rtable_name, raw.tags, raw.create_time),
    vpc_id: resourceId(ctx, 'vpc', vpc),
    is_main: false,
    subnet_ids: refIds(
      ctx,
      'subnet',
      boundVxnets(raw).filter((v) => routers.has(v)),
    ),
    routes: (raw.routing_table_rule_set ?? []).map((r) => mapRoute(r, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [DESCRIBE_ROUTE_TABLES, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    const items = listAll<wire.RoutingTable>(
      ctx,
      ctx.session.client,
      DESCRIBE_ROUTE_TABLES,
      ctx.region,
      { verbose: 1 },
      { key: 'routing_table_set', idOf: (t) => t.rtable_id },
    );
    for await (const raw of items) {
      const byVxnet = await routers;
      const vpc = tableVpc(raw, byVxnet);
      if (raw.rtable_id && vpc !== undefined) {
        yield { kind: 'route_table', record: mapRouteTable(raw, vpc, byVxnet, ctx.map) };
      }
    }
  },
};

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('qingcloud route', mapRouteUnguarded, RouteSchema);
/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'qingcloud route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
