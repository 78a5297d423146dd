import {
  CloudNetworkAttachmentSchema,
  DnatRuleSchema,
  KIND_SCHEMAS,
  LbTargetSchema,
  RouteSchema,
  SecurityGroupRuleSchema,
} from '../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import type { MapperCase } from '../../../test/helpers/fuzz.js';
// eslint-disable-next-line no-restricted-imports -- tests share the fuzz harness of test/helpers
import { fuzzContext, fuzzMappers } from '../../../test/helpers/fuzz.js';
import { mapAttachment, mapCcn } from './cloud-network.js';
import { mapRegions } from './index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';
import { mapClassicListeners, mapListeners, mapLoadBalancer, mapTarget } from './load-balancer.js';
import { mapDnatRule, mapNatGateway } from './nat-gateway.js';
import { assignedPublicIps, mapNetworkInterface } from './network-interface.js';
import { mapPeeringConnection } from './peering-connection.js';
import { mapPublicIp } from './public-ip.js';
import { mapCdbInstance, mapPgInstance, mapSqlServerInstance } from './rds-instance.js';
import { mapRedisInstance } from './redis-instance.js';
import { mapRoute, mapRouteTable } from './route-table.js';
import { mapRule, mapSecurityGroup } from './security-group.js';
import { mapSubnet } from './subnet.js';
import { mapVm } from './vm.js';
import { mapVpc } from './vpc.js';
import { mapZone } from './zone.js';

const ctx = fuzzContext('tencent');
/** A hostile tuple may arrive as anything: read its parts defensively (the fetcher always passes them). */
const part = (input: unknown, i: number): never =>
  (Array.isArray(input) ? input[i] : undefined) as never;

// Shapes as the API returns them (the emulator renders the same); no captured fixtures yet.
const TAGS = [{ Key: 'env', Value: 'prod' }];
const TAG_KV = [{ TagKey: 'env', TagValue: 'prod' }];
const ENI = {
  NetworkInterfaceId: 'eni-1',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  MacAddress: '20:90:6F:00:00:01',
  Primary: true,
  PrivateIpAddressSet: [
    { PrivateIpAddress: '10.0.1.4', Primary: true, PublicIpAddress: '198.51.100.8', AddressId: '' },
  ],
  GroupSet: ['sg-1'],
  Attachment: { InstanceId: 'ins-1' },
  CreatedTime: '2026-01-02 11:04:05',
  TagSet: TAGS,
};
const LB = {
  LoadBalancerId: 'lb-1',
  LoadBalancerName: 'web',
  LoadBalancerType: 'OPEN',
  Forward: 1,
  Status: 1,
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  LoadBalancerVips: ['198.51.100.20'],
  MasterZone: { Zone: 'ap-guangzhou-3' },
  CreateTime: '2026-01-02 11:04:05',
  Tags: TAG_KV,
};
const TARGET = {
  Type: 'CVM',
  InstanceId: 'ins-1',
  Port: 80,
  Weight: 10,
  PrivateIpAddresses: ['10.0.1.4'],
};

const cases: MapperCase[] = [
  {
    name: 'mapRegions',
    seeds: [
      {
        RegionSet: [
          { Region: 'ap-guangzhou', RegionName: '华南地区(广州)', RegionState: 'AVAILABLE' },
        ],
      },
    ],
    map: (x) => mapRegions(x as never),
  },
  {
    name: 'mapZone',
    seeds: [
      { Zone: 'ap-guangzhou-3', ZoneName: '广州三区', ZoneId: '100003', ZoneState: 'AVAILABLE' },
    ],
    map: (x) => mapZone(x as never, ctx),
    schema: KIND_SCHEMAS.zone,
  },
  {
    name: 'mapVpc',
    seeds: [
      {
        VpcId: 'vpc-1',
        VpcName: 'prod',
        CidrBlock: '10.0.0.0/16',
        AssistantCidrSet: [{ CidrBlock: '10.1.0.0/16' }],
        IsDefault: false,
        CreatedTime: '2026-01-02 11:04:05',
        TagSet: TAGS,
      },
    ],
    map: (x) => mapVpc(x as never, ctx),
    schema: KIND_SCHEMAS.vpc,
  },
  {
    name: 'mapSubnet',
    seeds: [
      {
        SubnetId: 'subnet-1',
        SubnetName: 'web',
        VpcId: 'vpc-1',
        CidrBlock: '10.0.1.0/24',
        Zone: 'ap-guangzhou-3',
        RouteTableId: 'rtb-1',
        TagSet: TAGS,
      },
    ],
    map: (x) => mapSubnet(x as never, ctx),
    schema: KIND_SCHEMAS.subnet,
  },
  {
    name: 'mapVm',
    seeds: [
      {
        InstanceId: 'ins-1',
        InstanceName: 'web',
        InstanceState: 'RUNNING',
        InstanceType: 'S5.MEDIUM4',
        Placement: { Zone: 'ap-guangzhou-3' },
        VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: 'subnet-1' },
        PrivateIpAddresses: ['10.0.1.4'],
        SecurityGroupIds: ['sg-1'],
        CreatedTime: '2026-01-02T03:04:05Z',
        Tags: TAGS,
      },
    ],
    map: (x) => mapVm(x as never, ctx),
    schema: KIND_SCHEMAS.vm,
  },
  {
    name: 'mapNetworkInterface',
    seeds: [ENI],
    map: (x) => mapNetworkInterface(x as never, ctx),
    schema: KIND_SCHEMAS.network_interface,
  },
  { name: 'assignedPublicIps', seeds: [ENI], map: (x) => assignedPublicIps(x as never, ctx) },
  {
    name: 'mapPublicIp',
    seeds: [
      {
        AddressId: 'eip-1',
        AddressIp: '198.51.100.8',
        InstanceId: 'ins-1',
        InstanceType: 'CVM',
        NetworkInterfaceId: 'eni-1',
        PrivateAddressIp: '10.0.1.4',
        TagSet: TAGS,
      },
    ],
    map: (x) => mapPublicIp(x as never, ctx),
    schema: KIND_SCHEMAS.public_ip,
  },
  {
    name: 'mapSecurityGroup',
    seeds: [
      [
        { SecurityGroupId: 'sg-1', SecurityGroupName: 'web' },
        {
          SecurityGroupPolicySet: {
            Ingress: [
              {
                PolicyIndex: 0,
                Protocol: 'TCP',
                Port: '80',
                CidrBlock: '0.0.0.0/0',
                Action: 'ACCEPT',
              },
            ],
            Egress: [{ Protocol: 'ALL', Port: 'ALL', SecurityGroupId: 'sg-2', Action: 'DROP' }],
          },
        },
      ],
    ],
    map: (x) => mapSecurityGroup(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.security_group,
  },
  {
    name: 'mapRouteTable',
    seeds: [
      {
        RouteTableId: 'rtb-1',
        VpcId: 'vpc-1',
        Main: true,
        AssociationSet: [{ SubnetId: 'subnet-1' }],
        RouteSet: [
          {
            DestinationCidrBlock: '0.0.0.0/0',
            GatewayType: 'NAT',
            GatewayId: 'nat-1',
            Enabled: true,
          },
        ],
      },
    ],
    map: (x) => mapRouteTable(x as never, ctx),
    schema: KIND_SCHEMAS.route_table,
  },
  {
    name: 'mapNatGateway',
    seeds: [
      [
        {
          NatGatewayId: 'nat-1',
          State: 'AVAILABLE',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          Zone: 'ap-guangzhou-3',
          PublicIpAddressSet: [{ PublicIpAddress: '198.51.100.1', AddressId: 'eip-1' }],
        },
        [
          {
            NatGatewayId: 'nat-1',
            IpProtocol: 'TCP',
            PublicIpAddress: '198.51.100.1',
            PublicPort: 8080,
            PrivateIpAddress: '10.0.1.4',
            PrivatePort: 80,
          },
        ],
      ],
    ],
    map: (x) => mapNatGateway(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.nat_gateway,
  },
  {
    name: 'mapListeners',
    seeds: [
      [
        { Listeners: [{ ListenerId: 'lbl-1', Protocol: 'HTTP', Port: 80 }] },
        { Listeners: [{ ListenerId: 'lbl-1', Targets: [TARGET], Rules: [{ Targets: [TARGET] }] }] },
      ],
    ],
    map: (x) => mapListeners(part(x, 0), part(x, 1), ctx),
  },
  {
    name: 'mapClassicListeners',
    seeds: [
      [
        {
          Listener: [
            { ListenerId: 'lbl-2', Protocol: 'TCP', ListenerPort: 80, InstancePort: 8080 },
          ],
        },
        { Targets: [TARGET] },
      ],
    ],
    map: (x) => mapClassicListeners(part(x, 0), part(x, 1), ctx),
  },
  {
    name: 'mapLoadBalancer',
    seeds: [[LB, [{ native_id: 'lbl-1', name: 'http', protocol: 'http', port: 80, targets: [] }]]],
    map: (x) => mapLoadBalancer(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.load_balancer,
  },
  {
    name: 'mapCdbInstance',
    seeds: [
      {
        InstanceId: 'cdb-1',
        InstanceName: 'orders',
        Status: 1,
        InstanceType: 1,
        Vip: '10.0.1.250',
        Vport: 3306,
        UniqVpcId: 'vpc-1',
        UniqSubnetId: 'subnet-1',
        Zone: 'ap-guangzhou-3',
        EngineVersion: '8.0',
        TagList: TAG_KV,
      },
    ],
    map: (x) => mapCdbInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapPgInstance',
    seeds: [
      {
        DBInstanceId: 'postgres-1',
        DBInstanceStatus: 'running',
        DBInstanceType: 'primary',
        VpcId: 'vpc-1',
        SubnetId: 'subnet-1',
        DBInstanceNetInfo: [{ Ip: '10.0.1.8', Port: 5432, NetType: 'private', Status: 'opened' }],
        TagList: TAG_KV,
      },
    ],
    map: (x) => mapPgInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapSqlServerInstance',
    seeds: [
      {
        InstanceId: 'mssql-1',
        Name: 'reports',
        Status: 2,
        Type: 'HA',
        Vip: '10.0.1.9',
        Vport: 1433,
        UniqVpcId: 'vpc-1',
        UniqSubnetId: 'subnet-1',
        ResourceTags: TAG_KV,
      },
    ],
    map: (x) => mapSqlServerInstance(x as never, ctx),
    schema: KIND_SCHEMAS.rds_instance,
  },
  {
    name: 'mapRedisInstance',
    seeds: [
      {
        InstanceId: 'crs-1',
        InstanceName: 'sessions',
        Status: 2,
        WanIp: '10.0.1.240',
        Port: 6379,
        UniqVpcId: 'vpc-1',
        UniqSubnetId: 'subnet-1',
        ZoneId: 100003,
        ProductType: 'standalone',
        RedisReplicasNum: 1,
        Size: 1024,
      },
    ],
    map: (x) => mapRedisInstance(x as never, ctx),
    schema: KIND_SCHEMAS.redis_instance,
  },
  {
    name: 'mapPeeringConnection',
    seeds: [
      {
        PeeringConnectionId: 'pcx-1',
        SourceVpcId: 'vpc-1',
        DestinationVpcId: 'vpc-2',
        SourceRegion: 'fuzz-region-1',
        DestinationRegion: 'ap-shanghai',
        SourceUin: '1',
        DestinationUin: '1',
        State: 'ACTIVE',
      },
    ],
    map: (x) => mapPeeringConnection(x as never, ctx),
    schema: KIND_SCHEMAS.peering_connection,
  },
  {
    name: 'mapCcn',
    seeds: [
      [
        { CcnId: 'ccn-1', CcnName: 'backbone', State: 'AVAILABLE' },
        [
          {
            CcnId: 'ccn-1',
            InstanceType: 'VPC',
            InstanceId: 'vpc-1',
            InstanceRegion: 'ap-guangzhou',
            State: 'ACTIVE',
          },
        ],
      ],
    ],
    map: (x) => mapCcn(part(x, 0), part(x, 1), ctx),
    schema: KIND_SCHEMAS.cloud_network,
  },
  {
    name: 'mapKubernetesCluster',
    seeds: [
      {
        ClusterId: 'cls-1',
        ClusterName: 'prod',
        ClusterVersion: '1.30.0',
        ClusterStatus: 'Running',
        ClusterNetworkSettings: { VpcId: 'vpc-1', Subnets: ['subnet-1'] },
        TagSpecification: [{ Tags: TAGS }],
      },
    ],
    map: (x) => mapKubernetesCluster(x as never, ctx),
    schema: KIND_SCHEMAS.kubernetes_cluster,
  },
  {
    name: 'mapRule',
    seeds: [
      { PolicyIndex: 0, Protocol: 'TCP', Port: '80', CidrBlock: '0.0.0.0/0', Action: 'ACCEPT' },
      { Protocol: 'ALL', Port: 'ALL', SecurityGroupId: 'sg-2', Action: 'DROP' },
    ],
    map: (x) => mapRule(x as never, 'ingress', ctx),
    schema: SecurityGroupRuleSchema,
  },
  {
    name: 'mapRoute',
    seeds: [
      { DestinationCidrBlock: '0.0.0.0/0', GatewayType: 'NAT', GatewayId: 'nat-1', Enabled: true },
      { DestinationCidrBlock: '10.9.0.0/16', GatewayType: 'NORMAL_CVM', GatewayId: '10.0.0.5' },
    ],
    map: (x) => mapRoute(x as never, ctx),
    schema: RouteSchema,
  },
  {
    name: 'mapDnatRule',
    seeds: [
      {
        NatGatewayId: 'nat-1',
        IpProtocol: 'TCP',
        PublicIpAddress: '198.51.100.1',
        PublicPort: 8080,
        PrivateIpAddress: '10.0.1.4',
        PrivatePort: 80,
      },
    ],
    map: (x) => mapDnatRule(x as never),
    schema: DnatRuleSchema,
  },
  {
    name: 'mapTarget',
    seeds: [TARGET],
    map: (x) => mapTarget(x as never, 8080, ctx),
    schema: LbTargetSchema,
  },
  {
    name: 'mapAttachment',
    seeds: [
      {
        CcnId: 'ccn-1',
        InstanceType: 'VPC',
        InstanceId: 'vpc-1',
        InstanceRegion: 'ap-guangzhou',
        State: 'ACTIVE',
      },
    ],
    map: (x) => mapAttachment(x as never, ctx),
    schema: CloudNetworkAttachmentSchema,
  },
];

fuzzMappers('tencent', cases);
