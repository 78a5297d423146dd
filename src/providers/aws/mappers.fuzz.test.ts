import { KIND_SCHEMAS, PublicIpSchema, RouteSchema } from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers, seeds } from '../../../test/helpers/fuzz.js';
import { mapTransitGateway } from './cloud-network.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';
import { mapClassicLoadBalancer } from './load-balancer-classic.js';
import { mapLoadBalancer } from './load-balancer.js';
import { mapNatGateway } from './nat-gateway.js';
import { mapAutoAssignedPublicIps, mapNetworkInterface } from './network-interface.js';
import { mapPeeringConnection } from './peering-connection.js';
import { mapAddress } from './public-ip.js';
import { mapRdsInstance } from './rds-instance.js';
import { mapCacheCluster, mapReplicationGroup, mapServerlessCache } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('aws');
const s = (operation: string, key?: string): unknown[] => seeds('aws', operation, key);
/** A hostile tuple may arrive as neverthing: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];
const byKey = (v: unknown, key: string): Map<string, never> =>
  new Map(
    list(v).flatMap((x: unknown) => {
      const k =
        typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;
      return typeof k === 'string' ? [[k, x as never] as const] : [];
    }),
  );
/** Each item of the first list, with the same further arguments. */
const seedTuples = (items: unknown[], ...rest: unknown[]): unknown[] =>
  items.map((x) => [x, ...rest]);

/** An ALB as DescribeLoadBalancers (elbv2) returns it; the fixtures hold classic ELBs only. */
const ELBV2 = {
  LoadBalancerArn:
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
  LoadBalancerName: 'web',
  DNSName: 'web-1234.us-east-1.elb.amazonaws.com',
  Scheme: 'internet-facing',
  VpcId: 'vpc-0a1b2c3d4e5f60001',
  Type: 'application',
  State: { Code: 'active' },
  AvailabilityZones: [{ ZoneName: 'us-east-1a', SubnetId: 'subnet-0a1b2c3d4e5f60011' }],
  CreatedTime: '2026-01-02T03:04:05.000Z',
};

const cases: MapperCase[] = [
  {
    name: 'mapVpc',
    seeds: s('DescribeVpcs', 'Vpcs'),
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: s('DescribeSubnets', 'Subnets'),
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: s('DescribeAvailabilityZones', 'AvailabilityZones'),
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  {
    name: 'mapVm',
    seeds: s('DescribeInstances', 'Instances'),
    map: (x) => mapVm(x as never, ctx),
    schema: KIND_SCHEMAS.vm,
  },
  {
    name: 'mapNetworkInterface',
    seeds: s('DescribeNetworkInterfaces', 'NetworkInterfaces'),
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapAutoAssignedPublicIps',
    seeds: s('DescribeNetworkInterfaces', 'NetworkInterfaces'),
    map: (x) => mapAutoAssignedPublicIps(x as never, ctx),
    schema: PublicIpSchema.array(),
  },
  {
    name: 'mapAddress',
    seeds: s('DescribeAddresses', 'Addresses'),
    map: (x) => mapAddress(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapSecurityGroup',
    seeds: s('DescribeSecurityGroups', 'SecurityGroups'),
    map: (x) => mapSecurityGroup(x as never, ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRouteTable',
    seeds: s('DescribeRouteTables', 'RouteTables'),
    map: (x) => mapRouteTable(x as never, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapRoute',
    seeds: s('DescribeRouteTables', 'Routes'),
    map: (x) => mapRoute(x as never, ctx),
    schema: RouteSchema,
  },
  {
    name: 'mapNatGateway',
    seeds: s('DescribeNatGateways', 'NatGateways'),
    map: (x) => mapNatGateway(x as never, ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapRdsInstance',
    seeds: s('DescribeDBInstances', 'DBInstances'),
    map: (x) => mapRdsInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapServerlessCache',
    seeds: s('DescribeServerlessCaches', 'ServerlessCaches'),
    map: (x) => mapServerlessCache(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapKubernetesCluster',
    seeds: s('DescribeCluster').map((p) => (p as { cluster?: unknown }).cluster),
    map: (x) => mapKubernetesCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapPeeringConnection',
    seeds: s('DescribeVpcPeeringConnections', 'VpcPeeringConnections'),
    map: (x) => mapPeeringConnection(x as never, ctx, '123456789012'),
    schema: KIND_SCHEMAS.peering_connection,
  },
  {
    name: 'mapTransitGateway',
    seeds: seedTuples(
      s('DescribeTransitGateways', 'TransitGateways'),
      s('DescribeTransitGatewayAttachments', 'TransitGatewayAttachments'),
    ),
    map: (x) => mapTransitGateway(part(x, 0), list(part(x, 1)), ctx, '123456789012'),
    schema: KIND_SCHEMAS.cloud_network,
  },
  {
    name: 'mapClassicLoadBalancer',
    seeds: seedTuples(
      s('DescribeLoadBalancers', 'LoadBalancerDescriptions'),
      s('DescribeInstanceHealth', 'InstanceStates'),
    ),
    map: (x) => mapClassicLoadBalancer(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapLoadBalancer',
    seeds: seedTuples(
      [ELBV2],
      s('DescribeListeners', 'Listeners'),
      s('DescribeTargetGroups', 'TargetGroups'),
      s('DescribeTargetHealth', 'TargetHealthDescriptions'),
    ),
    map: (x) => {
      const groups = byKey(part(x, 2), 'TargetGroupArn');
      const health = new Map([...groups.keys()].map((arn) => [arn, list(part(x, 3))]));
      return mapLoadBalancer(part(x, 0), list(part(x, 1)), groups, health, ctx);
    },
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapReplicationGroup',
    seeds: seedTuples(
      s('DescribeReplicationGroups', 'ReplicationGroups'),
      s('DescribeCacheClusters', 'CacheClusters'),
      s('DescribeCacheSubnetGroups', 'CacheSubnetGroups'),
    ),
    map: (x) =>
      mapReplicationGroup(
        part(x, 0),
        list(part(x, 1)),
        byKey(part(x, 2), 'CacheSubnetGroupName'),
        ctx,
      ),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapCacheCluster',
    seeds: seedTuples(
      s('DescribeCacheClusters', 'CacheClusters'),
      s('DescribeCacheSubnetGroups', 'CacheSubnetGroups'),
    ),
    map: (x) => mapCacheCluster(part(x, 0), byKey(part(x, 1), 'CacheSubnetGroupName'), ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
];

fuzzMappers('aws', cases);
