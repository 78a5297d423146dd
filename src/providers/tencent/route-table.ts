import { guardMapper } from '../mapper-guard.js';
import { RouteSchema, RouteTableSchema } from '../../model/index.js';
import type { MapContext, NextHopType, Route, RouteTable } from '../../model/index.js';
import { lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceKind } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, refIds, tencentOperation, tencentTags } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_ROUTE_TABLES = tencentOperation('vpc', 'DescribeRouteTables', false);

/** `GatewayType` → our next hop (DeepFlow's table, plus CCN). */
const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  CVM: 'instance',
  NORMAL_CVM: 'instance',
  VPN: 'vpn_gateway',
  PEERCONNECTION: 'peering',
  NAT: 'nat_gateway',
  LOCAL_GATEWAY: 'local',
  LOCAL: 'local',
  CCN: 'cloud_network',
  EIP: 'internet_gateway',
  DIRECTCONNECT: 'other',
  HAVIP: 'other',
};

/** Next hops that are records of ours, so the route can reference them. */
const NEXT_HOP_KIND: Partial<Record<NextHopType, ResourceKind>> = {
  nat_gateway: 'nat_gateway',
  peering: 'peering_connection',
  instance: 'vm',
};

function mapRouteUnguarded(raw: wire.Route, ctx: MapContext): Route {
  const gateway = nonEmpty(raw.GatewayId);
  const type: NextHopType =
    gateway === undefined ? 'local' : lookup(NEXT_HOP, raw.GatewayType, 'other');
  const kind = NEXT_HOP_KIND[type];
  // An instance next hop is named by its IP (`GatewayId` = 10.0.0.5), not by an id we could reference.
  const refable = kind !== undefined && (kind !== 'vm' || gateway?.startsWith('ins-') === true);
  return {
    destination: raw.DestinationCidrBlock ?? '',
    next_hop_type: type,
    ...defined({
      next_hop: gateway,
      next_hop_id: refable ? refId(ctx, kind, gateway) : undefined,
    }),
    state: raw.Enabled === false ? 'blackhole' : 'active',
  };
}

function mapRouteTableUnguarded(raw: wire.RouteTable, ctx: MapContext): RouteTable {
  const nativeId = raw.RouteTableId ?? '';
  return {
    ...baseFields(
      ctx,
      'route_table',
      nativeId,
      nonEmpty(raw.RouteTableName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    is_main: raw.Main ?? false,
    subnet_ids: refIds(
      ctx,
      'subnet',
      (raw.AssociationSet ?? []).map((a) => a.SubnetId),
    ),
    routes: (raw.RouteSet ?? []).map((r) => mapRoute(r, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<TencentSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [DESCRIBE_ROUTE_TABLES],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeRouteTables, wire.RouteTable>(
      ctx,
      ctx.session.clients,
      DESCRIBE_ROUTE_TABLES,
      ctx.region,
      {},
      {
        pageSize: VPC_PAGE_SIZE,
        asStrings: true,
        items: (p) => p.RouteTableSet,
        idOf: (t) => t.RouteTableId,
      },
    );
    for await (const raw of items) {
      if (raw.RouteTableId && raw.VpcId) {
        yield { kind: 'route_table', record: mapRouteTable(raw, ctx.map) };
      }
    }
  },
};

/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'tencent route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('tencent route', mapRouteUnguarded, RouteSchema);
