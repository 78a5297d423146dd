/** Neutral world types of managed services and the World itself (see world-types.ts). */
import type {
  NetworkInterface,
  PublicIp,
  RouteTable,
  Scale,
  SecurityGroup,
  Seq,
  Subnet,
  Tags,
  Vm,
  Vpc,
  WorldRegion,
  Zone,
} from './world-types.js';

export interface InternetGateway {
  readonly id: string;
  readonly vpcId: string;
}

export interface NatGateway {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly zone: string;
  readonly connectivity: 'public' | 'private';
  readonly state: 'available' | 'pending';
  readonly interfaceId: string;
  readonly privateIp: string;
  readonly publicIp?: string;
  readonly publicIpId?: string;
  readonly publicIpAssociationId?: string;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface PeeringSide {
  readonly region: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly accountId: string;
}

export interface Peering {
  readonly id: string;
  readonly name: string;
  readonly state: 'active' | 'pending';
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface CloudNetworkAttachment {
  readonly id: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly state: 'available';
  readonly createdAt: string;
}

/** A transit router joining VPCs (AWS Transit Gateway, Aliyun CEN, ...). */
export interface CloudNetwork {
  readonly id: string;
  readonly name: string;
  readonly state: 'available';
  readonly asn: number;
  readonly createdAt: string;
  readonly tags: Tags;
  readonly attachments: readonly CloudNetworkAttachment[];
}

export type LbType = 'application' | 'network' | 'classic';
export type LbProtocol = 'HTTP' | 'HTTPS' | 'TCP';

export interface Listener {
  readonly id: string;
  readonly protocol: LbProtocol;
  readonly port: number;
  /** v2 load balancers forward to a target group. */
  readonly targetGroupId?: string;
  /** Classic load balancers forward to a port of their registered instances. */
  readonly instanceProtocol?: LbProtocol;
  readonly instancePort?: number;
}

export type TargetHealth = 'healthy' | 'unhealthy' | 'unused';

export interface ClassicInstance {
  readonly vmId: string;
  readonly health: 'in_service' | 'out_of_service';
}

export interface LoadBalancer {
  readonly id: string;
  readonly name: string;
  readonly type: LbType;
  readonly scheme: 'internet' | 'internal';
  readonly state: 'active';
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly zones: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly listeners: readonly Listener[];
  /** Classic load balancers only. */
  readonly instances: readonly ClassicInstance[];
  readonly interfaceIds: readonly string[];
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface Target {
  readonly kind: 'vm' | 'ip';
  readonly vmId?: string;
  readonly ip: string;
  readonly port: number;
  /** Absent for an IP outside the VPC (AWS reports the zone `all`). */
  readonly zone?: string;
  readonly health: TargetHealth;
}

export interface TargetGroup {
  readonly id: string;
  readonly name: string;
  readonly protocol: LbProtocol;
  readonly port: number;
  readonly targetType: 'instance' | 'ip';
  readonly vpcId: string;
  readonly loadBalancerIds: readonly string[];
  readonly targets: readonly Target[];
}

export interface SubnetGroup {
  readonly name: string;
  readonly purpose: 'rds' | 'redis';
  readonly description: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
}

export type RdsEngine = 'mysql' | 'postgresql' | 'sqlserver';

export interface RdsInstance {
  /** The user-chosen identifier (AWS DBInstanceIdentifier). */
  readonly id: string;
  /** The provider's immutable internal id (AWS DbiResourceId). */
  readonly resourceId: string;
  readonly engine: RdsEngine;
  /** `aurora`: a member of a cluster with shared storage. */
  readonly flavor: 'standard' | 'aurora';
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly state: 'available' | 'stopped';
  readonly role: 'primary' | 'replica';
  readonly clusterId?: string;
  readonly vpcId: string;
  readonly subnetGroup: string;
  readonly zone: string;
  readonly subnetId: string;
  readonly port: number;
  readonly storageGb: number;
  readonly interfaceId: string;
  readonly privateIp: string;
  readonly securityGroupIds: readonly string[];
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface RedisNode {
  /** The cache cluster (one node each) id: `<group>-001`, `<group>-0001-002`, ... */
  readonly clusterId: string;
  readonly nodeId: string;
  readonly role: 'primary' | 'replica';
  readonly zone: string;
  readonly subnetId: string;
  readonly interfaceId: string;
  readonly privateIp: string;
}

export interface RedisShard {
  readonly id: string;
  readonly nodes: readonly RedisNode[];
}

/** A Redis deployment: a replication group (`replication`, `cluster`) or a lone cache cluster (`standalone`). */
export interface RedisCache {
  readonly id: string;
  readonly mode: 'replication' | 'cluster' | 'standalone';
  readonly description: string;
  readonly nodeType: string;
  readonly engineVersion: string;
  readonly status: 'available';
  readonly vpcId: string;
  readonly subnetGroup: string;
  readonly port: number;
  readonly securityGroupIds: readonly string[];
  readonly shards: readonly RedisShard[];
  readonly createdAt: string;
}

export interface ServerlessCache {
  readonly name: string;
  readonly engineVersion: string;
  readonly status: 'available' | 'creating';
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly port: number;
  readonly interfaceIds: readonly string[];
  readonly createdAt: string;
}

export interface KubernetesCluster {
  readonly name: string;
  /** Provider id used in the API endpoint host. */
  readonly id: string;
  readonly version: string;
  readonly status: 'active' | 'creating';
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly createdAt: string;
  readonly tags: Tags;
}

/** Everything in one region. Disabled regions are empty. */
export interface RegionResources {
  readonly region: string;
  readonly zones: readonly Zone[];
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly internetGateways: readonly InternetGateway[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly routeTables: readonly RouteTable[];
  readonly natGateways: readonly NatGateway[];
  readonly vms: Seq<Vm>;
  readonly networkInterfaces: Seq<NetworkInterface>;
  readonly publicIps: Seq<PublicIp>;
  readonly loadBalancers: readonly LoadBalancer[];
  readonly targetGroups: readonly TargetGroup[];
  readonly subnetGroups: readonly SubnetGroup[];
  readonly rdsInstances: readonly RdsInstance[];
  readonly redisCaches: readonly RedisCache[];
  readonly serverlessCaches: readonly ServerlessCache[];
  /** Peerings with either side in this region. */
  readonly peerings: readonly Peering[];
  readonly cloudNetworks: readonly CloudNetwork[];
  readonly kubernetesClusters: readonly KubernetesCluster[];
}

export interface World {
  readonly provider: string;
  readonly seed: number;
  readonly scale: Scale;
  readonly accountId: string;
  readonly regions: readonly WorldRegion[];
  /** All peerings of the world (each appears in both regions' `peerings`). */
  readonly peerings: readonly Peering[];
  /** The region's resources, generated on first use and then kept. Unknown or disabled → empty. */
  resources(region: string): RegionResources;
  /** Number of VMs per region without generating them. */
  vmCount(region: string): number;
  /** Generates every enabled region now (and keeps every VM, when the world keeps them); returns the VMs, interfaces and public IPs walked. */
  warm(): number;
}
