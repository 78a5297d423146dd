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
import type { BaiduSession } from './client.js';
import { baiduRequest } from './client.js';
import { baiduOperation, baseFields, defined, globalRef, nonEmpty } from './common.js';
import { LIST_VPCS, listVpcs } from './vpc.js';
import type * as wire from './wire.js';

const GET_ROUTE_TABLE = baiduOperation('vpc', 'GetRouteTable', false);

/** BCE `nexthopType` values. */
const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  custom: 'instance',
  enic: 'network_interface',
  nat: 'nat_gateway',
  peerConn: 'peering',
  vpn: 'vpn_gateway',
  defaultGateway: 'internet_gateway',
  ipv6gateway: 'egress_only_gateway',
  csn: 'cloud_network',
  dcGateway: 'other',
  havip: 'other',
};

/** The kind of record a next hop of this type is (the rest are not records of ours). */
const HOP_KIND: Partial<Record<NextHopType, ResourceKind>> = {
  instance: 'vm',
  network_interface: 'network_interface',
  nat_gateway: 'nat_gateway',
  peering: 'peering_connection',
};

function nextHopRef(
  ctx: MapContext,
  type: NextHopType,
  id: string | undefined,
): string | undefined {
  if (id === undefined) return undefined;
  // A CSN is account-wide.
  if (type === 'cloud_network') return globalRef(ctx, 'cloud_network', id);
  const kind = HOP_KIND[type];
  return kind === undefined ? undefined : refId(ctx, kind, id);
}

function mapRouteUnguarded(raw: wire.RouteRule, ctx: MapContext): Route {
  const type = lookup(NEXT_HOP, raw.nexthopType, 'other');
  const hop = nonEmpty(raw.nexthopId);
  return {
    destination: raw.destinationAddress ?? '',
    next_hop_type: type,
    ...defined({ next_hop: hop, next_hop_id: nextHopRef(ctx, type, hop) }),
    state: 'active',
  };
}

/** The VPC's route table (BCE has one per VPC; every subnet of the VPC uses it). */
function mapRouteTableUnguarded(raw: wire.GetRouteTable, ctx: MapContext): RouteTable {
  const nativeId = raw.routeTableId ?? '';
  return {
    ...baseFields(ctx, 'route_table', nativeId, nativeId, {}),
    vpc_id: refId(ctx, 'vpc', raw.vpcId) ?? '',
    is_main: true,
    subnet_ids: [],
    routes: (raw.routeRules ?? []).map((r) => mapRoute(r, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [LIST_VPCS, GET_ROUTE_TABLE],
  async *fetch(ctx) {
    const vpcs = (await listVpcs(ctx)).flatMap((v) => (v.vpcId ? [v.vpcId] : []));
    const tables = mapInOrder(vpcs, async (vpcId) => ({
      vpcId,
      ...(await baiduRequest<wire.GetRouteTable>(ctx, GET_ROUTE_TABLE, ctx.region, {
        path: '/v1/route',
        params: { vpcId },
      })),
    }));
    for await (const raw of tables) {
      if (raw.routeTableId) yield { kind: 'route_table', record: mapRouteTable(raw, ctx.map) };
    }
  },
};

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('baidu route', mapRouteUnguarded, RouteSchema);
/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'baidu route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
