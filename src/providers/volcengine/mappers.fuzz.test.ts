import { KIND_SCHEMAS } from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers } from '../../../test/helpers/fuzz.js';
import { mapCen } from './cloud-network.js';
import { mapRegions } from './index.js';
import { mapCluster } from './kubernetes-cluster.js';
import { mapLoadBalancer } from './load-balancer.js';
import { mapNatGateway } from './nat-gateway.js';
import { mapNetworkInterface } from './network-interface.js';
import { mapEipAddress } from './public-ip.js';
import { mapRdsInstance } from './rds-instance.js';
import { mapRedisInstance } from './redis-instance.js';
import { mapRouteTable } from './route-table.js';
import { mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('volcengine');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes lists). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;
const list = (v: unknown): never[] => (Array.isArray(v) ? v : []) as never[];

// No captured fixtures for Volcengine: the seeds are the shapes of the unit tests.
const CEN = { CenId: 'cen-1', CenName: 'backbone', Status: 'Available' };
const CEN_ATTACHED = [
  {
    InstanceId: 'vpc-1',
    InstanceType: 'VPC',
    InstanceRegionId: 'cn-beijing',
    Status: 'Available',
    InstanceOwnerId: '2100000001',
  },
  {
    InstanceId: 'dcgw-1',
    InstanceType: 'DCGW',
    InstanceRegionId: 'cn-beijing',
    Status: 'Available',
  },
];
const CLUSTER = {
  Id: 'cc1',
  Name: 'prod',
  Status: { Phase: 'Running' },
  KubernetesVersion: 'v1.28.3-vke.1',
  ClusterConfig: {
    VpcId: 'vpc-1',
    SubnetIds: ['subnet-1'],
    ApiServerEndpoints: { PrivateIp: { Ipv4: '10.0.0.2' }, PublicIp: { Ipv4: '' } },
  },
};
const CLB = {
  LoadBalancerId: 'clb-1',
  LoadBalancerName: 'web',
  Type: 'public',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  EniAddress: '10.0.0.9',
  EipAddress: '198.51.100.9',
  Status: 'Active',
  MasterZoneId: 'cn-beijing-a',
  SlaveZoneId: 'cn-beijing-b',
};
const CLB_LISTENERS = [
  {
    listener: { ListenerId: 'lsn-1', Protocol: 'HTTP', Port: 80, ServerGroupId: 'rsp-1' },
    servers: [
      { ServerId: 'rs-1', InstanceId: 'i-1', Type: 'ecs', Ip: '10.0.0.5', Port: 8080, Weight: 100 },
      { ServerId: 'rs-2', InstanceId: 'eni-9', Type: 'eni', Ip: '10.0.0.6', Port: 8080 },
    ],
  },
];
const NAT = {
  NatGatewayId: 'ngw-1',
  NatGatewayName: 'egress',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  ZoneId: 'cn-beijing-a',
  Status: 'Available',
  NetworkType: 'internet',
  EipAddresses: [{ AllocationId: 'eip-1', EipAddress: '198.51.100.7' }],
};
const SNAT = [
  {
    SnatEntryId: 'snat-1',
    SourceCidr: '10.0.1.0/24',
    SubnetId: 'subnet-2',
    EipAddress: '198.51.100.7',
  },
];
const ENI = {
  NetworkInterfaceId: 'eni-1',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  MacAddress: '00:16:3e:00:00:01',
  PrimaryIpAddress: '10.0.0.5',
  PrivateIpSets: {
    PrivateIpSet: [
      { PrivateIpAddress: '10.0.0.6', Primary: false },
      { PrivateIpAddress: '10.0.0.5', Primary: true },
    ],
  },
  SecurityGroupIds: ['sg-1'],
  DeviceId: 'i-1',
  Type: 'primary',
};
const EIP = {
  AllocationId: 'eip-1',
  EipAddress: '198.51.100.7',
  InstanceType: 'EcsInstance',
  InstanceId: 'i-1',
};
const RDS = {
  InstanceId: 'mysql-1',
  InstanceName: 'orders',
  InstanceStatus: 'Running',
  DBEngineVersion: 'MySQL_8_0',
  NodeSpec: 'rds.mysql.1c2g',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  ZoneId: 'cn-beijing-a',
  CreateTime: '2026-01-02 03:04:05',
  PrimaryInstanceId: 'mysql-0',
};
const RDS_DETAIL = {
  Endpoints: [
    {
      Addresses: [
        { NetworkType: 'Public', IPAddress: '198.51.100.3', Port: '3306' },
        {
          NetworkType: 'Private',
          IPAddress: '10.0.0.7',
          Domain: 'mysql-1.rds.ivolces.com',
          Port: '3306',
        },
      ],
    },
  ],
};
const REDIS = {
  InstanceId: 'redis-1',
  InstanceName: 'sessions',
  Status: 'Running',
  EngineVersion: '7.0',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  ZoneIds: ['cn-beijing-a', 'cn-beijing-b'],
  ShardedCluster: 1,
  ShardCapacity: 1024,
  NodeNumber: 2,
};
const REDIS_DETAIL = {
  VisitAddrs: [
    { AddrType: 'Private', Address: 'redis-1.redis.ivolces.com', VIP: '10.0.0.8', Port: '6379' },
    { AddrType: 'Public', Address: 'redis-1.redis.volces.com', Port: '6379' },
  ],
};
const ROUTE_TABLE = {
  RouteTableId: 'vtb-1',
  VpcId: 'vpc-1',
  RouteTableType: 'System',
  SubnetIds: ['subnet-1'],
};
const ROUTE_ENTRIES = [
  { DestinationCidrBlock: '10.0.0.0/16', NextHopType: 'Local', Status: 'Available' },
  {
    DestinationCidrBlock: '0.0.0.0/0',
    NextHopType: 'NatGW',
    NextHopId: 'ngw-1',
    Status: 'Available',
  },
  { DestinationCidrBlock: '10.9.0.0/16', NextHopType: 'TransitRouter', NextHopId: 'tr-1' },
];
const SECURITY_GROUP = { SecurityGroupId: 'sg-1', SecurityGroupName: 'web', VpcId: 'vpc-1' };
const PERMISSIONS = [
  {
    Direction: 'ingress',
    Protocol: 'tcp',
    PortStart: 80,
    PortEnd: 80,
    CidrIp: '0.0.0.0/0',
    Policy: 'accept',
    Priority: 1,
  },
  {
    Direction: 'ingress',
    Protocol: 'tcp',
    PortStart: 1,
    PortEnd: 65535,
    SourceGroupId: 'sg-2',
    Policy: 'drop',
  },
  { Direction: 'egress', Protocol: 'all', PortStart: -1, PortEnd: -1, CidrIp: '0.0.0.0/0' },
];
const SUBNET = {
  SubnetId: 'subnet-1',
  SubnetName: 'web-a',
  VpcId: 'vpc-1',
  ZoneId: 'cn-beijing-a',
  CidrBlock: '172.16.1.0/24',
  Status: 'Available',
  RouteTable: { RouteTableId: 'vtb-1', RouteTableType: 'System' },
};
const VM = {
  InstanceId: 'i-1',
  InstanceName: 'web-1',
  Hostname: 'web-1.local',
  Status: 'RUNNING',
  ZoneId: 'cn-beijing-a',
  VpcId: 'vpc-1',
  InstanceTypeId: 'ecs.g3i.large',
  ImageId: 'image-1',
  CreatedAt: '2026-01-02T03:04:05Z',
  Tags: [{ Key: 'app', Value: 'web' }],
  NetworkInterfaces: [
    { NetworkInterfaceId: 'eni-2', PrimaryIpAddress: '10.0.1.9', Type: 'secondary' },
    {
      NetworkInterfaceId: 'eni-1',
      PrimaryIpAddress: '10.0.0.5',
      SubnetId: 'subnet-1',
      Type: 'primary',
    },
  ],
};
const VPC = {
  VpcId: 'vpc-13fpdgwk7rxfk3n6nu44wisg7',
  VpcName: 'prod',
  CidrBlock: '172.16.0.0/16',
  SecondaryCidrBlocks: ['10.1.0.0/16'],
  Ipv6CidrBlock: '2406:d440::/56',
  Status: 'Available',
  IsDefault: true,
  CreationTime: '2026-01-02T03:04:05+08:00',
  Tags: [{ Key: 'env', Value: 'prod' }],
};

const cases: MapperCase[] = [
  {
    name: 'mapRegions',
    seeds: [[{ RegionId: 'cn-beijing' }, { RegionId: 'cn-new-1' }, { RegionId: 'cn-beijing' }, {}]],
    map: (x) => mapRegions(list(x)),
  },
  {
    name: 'mapVpc',
    seeds: [VPC],
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: [SUBNET],
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapZone',
    seeds: ['cn-beijing-a'],
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  { name: 'mapVm', seeds: [VM], map: (x) => mapVm(x as never, ctx), schema: KIND_SCHEMAS.vm },
  {
    name: 'mapNetworkInterface',
    seeds: [ENI],
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  {
    name: 'mapEipAddress',
    seeds: [EIP, { ...EIP, InstanceType: 'NetworkInterface', InstanceId: 'eni-1' }],
    map: (x) => mapEipAddress(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [[SECURITY_GROUP, PERMISSIONS]],
    map: (x) => mapSecurityGroup(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRouteTable',
    seeds: [[ROUTE_TABLE, ROUTE_ENTRIES]],
    map: (x) => mapRouteTable(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapNatGateway',
    seeds: [[NAT, SNAT]],
    map: (x) => mapNatGateway(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapLoadBalancer',
    seeds: [[CLB, CLB_LISTENERS]],
    map: (x) => mapLoadBalancer(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapRdsInstance',
    seeds: [[RDS, RDS_DETAIL]],
    map: (x) => mapRdsInstance(part(x, 0), part(x, 1), 'mysql', ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRedisInstance',
    seeds: [[REDIS, REDIS_DETAIL]],
    map: (x) => mapRedisInstance(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapCluster',
    seeds: [CLUSTER],
    map: (x) => mapCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapCen',
    seeds: [[CEN, CEN_ATTACHED]],
    map: (x) => mapCen(part(x, 0), list(part(x, 1)), ctx),
    schema: KIND_SCHEMAS.cloud_network,
  },
];

fuzzMappers('volcengine', cases);
