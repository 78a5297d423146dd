import { guardMapper } from '../mapper-guard.js';
import { RouteTableSchema } from '../../model/index.js';
import type { MapContext, NextHopType, Route, RouteTable } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  inRegion,
  lookup,
  nonEmpty,
  parentOf,
  ref,
  refs,
} from './common.js';
import type * as wire from './wire.js';

const LIST_ROUTE_TABLES = azureOperation(
  'routeTables.listAll',
  'Microsoft.Network/routeTables/read',
  false,
);

const NEXT_HOP: Readonly<Record<string, NextHopType>> = {
  VnetLocal: 'local',
  Internet: 'internet_gateway',
  VirtualAppliance: 'instance',
  VirtualNetworkGateway: 'vpn_gateway',
  None: 'other',
};

/**
 * A route table is not tied to a VNet in Azure; it belongs to the VNet of the subnets it is associated with.
 * One associated with no subnet routes nothing and has no VPC: it is not listed.
 */
export function isListedRouteTable(raw: wire.RouteTable): boolean {
  return (raw.subnets ?? []).some((s) => armId(s.id) !== undefined);
}

function mapRoute(raw: NonNullable<wire.RouteTable['routes']>[number]): Route {
  const hop = nonEmpty(raw.nextHopIpAddress);
  return {
    destination: raw.addressPrefix ?? '',
    next_hop_type: lookup(NEXT_HOP, raw.nextHopType, 'other'),
    ...(hop === undefined ? {} : { next_hop: hop }),
    // `None` drops the traffic.
    state: raw.nextHopType === 'None' ? 'blackhole' : 'active',
  };
}

function mapRouteTableUnguarded(raw: wire.RouteTable, ctx: MapContext): RouteTable {
  const nativeId = armId(raw.id) ?? '';
  const subnets = (raw.subnets ?? []).map((s) => s.id);
  return {
    ...baseFields(
      ctx,
      'route_table',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    vpc_id:
      ref(
        ctx,
        'vpc',
        parentOf(
          subnets.find((s) => s),
          'subnets',
        ),
      ) ?? '',
    is_main: false,
    subnet_ids: refs(ctx, 'subnet', subnets),
    routes: (raw.routes ?? []).map(mapRoute),
  };
}

export const routeTableFetcher: ResourceFetcher<AzureSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [LIST_ROUTE_TABLES],
  async *fetch(ctx) {
    const tables = await shared(
      ctx,
      LIST_ROUTE_TABLES,
      (sub) => ctx.session.clients.network(sub).routeTables.listAll({ abortSignal: ctx.signal }),
      ctx.session.clients.tokens.network,
    );
    for (const raw of tables) {
      if (inRegion(raw, ctx.region) && isListedRouteTable(raw)) {
        yield { kind: 'route_table', record: mapRouteTable(raw, ctx.map) };
      }
    }
  },
};

/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'azure route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
