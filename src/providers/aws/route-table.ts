import { guardMapper } from '../mapper-guard.js';
import { RouteSchema, RouteTableSchema } from '../../model/index.js';
import type { Route as AwsRoute, RouteTable as AwsRouteTable } from '@aws-sdk/client-ec2';
import type {
  MapContext,
  NextHopType,
  ResourceKind,
  Route,
  RouteTable,
} from '../../model/index.js';
import { lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags, refIds } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeRouteTablesCommand } = ec2Sdk;

const DESCRIBE_ROUTE_TABLES = awsOperation('ec2', 'DescribeRouteTables', false);

/** `GatewayId` holds several kinds of target; the id prefix tells which. */
const GATEWAY_PREFIX: readonly (readonly [string, NextHopType])[] = [
  ['igw-', 'internet_gateway'],
  ['eigw-', 'egress_only_gateway'],
  ['vgw-', 'vpn_gateway'],
  ['vpce-', 'vpc_endpoint'],
];

const ROUTE_STATE: Readonly<Record<string, Route['state']>> = {
  active: 'active',
  blackhole: 'blackhole',
};

const LIVE_ASSOCIATION = new Set(['associated', 'associating']);

interface Hop {
  readonly type: NextHopType;
  readonly target?: string | undefined;
  readonly kind?: ResourceKind;
}

/** The route's target. An instance route also names the instance's interface: the instance wins. */
function hopOf(raw: AwsRoute): Hop {
  if (raw.GatewayId === 'local') return { type: 'local' };
  if (raw.NatGatewayId)
    return { type: 'nat_gateway', target: raw.NatGatewayId, kind: 'nat_gateway' };
  if (raw.VpcPeeringConnectionId) {
    return { type: 'peering', target: raw.VpcPeeringConnectionId, kind: 'peering_connection' };
  }
  if (raw.TransitGatewayId) {
    return { type: 'transit_gateway', target: raw.TransitGatewayId, kind: 'cloud_network' };
  }
  if (raw.InstanceId) return { type: 'instance', target: raw.InstanceId, kind: 'vm' };
  if (raw.NetworkInterfaceId) {
    return { type: 'network_interface', target: raw.NetworkInterfaceId, kind: 'network_interface' };
  }
  if (raw.EgressOnlyInternetGatewayId) {
    return { type: 'egress_only_gateway', target: raw.EgressOnlyInternetGatewayId };
  }
  if (raw.GatewayId) {
    const gateway = raw.GatewayId;
    const match = GATEWAY_PREFIX.find(([prefix]) => gateway.startsWith(prefix));
    return { type: match?.[1] ?? 'other', target: gateway };
  }
  return {
    type: 'other',
    target: raw.LocalGatewayId ?? raw.CarrierGatewayId ?? raw.CoreNetworkArn ?? raw.OdbNetworkArn,
  };
}

function mapRouteUnguarded(raw: AwsRoute, ctx: MapContext): Route {
  const hop = hopOf(raw);
  return {
    destination:
      raw.DestinationCidrBlock ?? raw.DestinationIpv6CidrBlock ?? raw.DestinationPrefixListId ?? '',
    next_hop_type: hop.type,
    ...defined({
      next_hop: hop.target,
      next_hop_id: hop.kind === undefined ? undefined : refId(ctx, hop.kind, hop.target),
    }),
    state: lookup(ROUTE_STATE, raw.State, 'unknown'),
  };
}

/** A route table; `subnet_ids` are its explicit associations, `is_main` marks the VPC's default. */
function mapRouteTableUnguarded(raw: AwsRouteTable, ctx: MapContext): RouteTable {
  const nativeId = raw.RouteTableId ?? '';
  const associations = (raw.Associations ?? []).filter((a) =>
    LIVE_ASSOCIATION.has(a.AssociationState?.State ?? 'associated'),
  );
  return {
    ...baseFields(
      ctx,
      'route_table',
      nativeId,
      nameFromTags(raw.Tags, nativeId),
      awsTags(raw.Tags),
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    is_main: associations.some((a) => a.Main === true),
    subnet_ids: refIds(
      ctx,
      'subnet',
      associations.map((a) => a.SubnetId),
    ),
    routes: (raw.Routes ?? []).map((r) => mapRoute(r, ctx)),
  };
}

export const routeTableFetcher: ResourceFetcher<AwsSession> = {
  kind: 'route_table',
  scope: 'regional',
  operations: [DESCRIBE_ROUTE_TABLES],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_ROUTE_TABLES,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeRouteTablesCommand({ MaxResults: 100, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.RouteTables ?? []) {
        yield { kind: 'route_table', record: mapRouteTable(raw, ctx.map) };
      }
    }
  },
};

/** `mapRouteUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRoute = guardMapper('aws route', mapRouteUnguarded, RouteSchema);
/** `mapRouteTableUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRouteTable = guardMapper(
  'aws route table',
  mapRouteTableUnguarded,
  RouteTableSchema,
);
