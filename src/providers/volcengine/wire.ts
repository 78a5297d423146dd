/**
 * The `Result` fields of Volcengine OpenAPI responses that the adapter reads, in Volcengine's casing. All
 * optional: mappers handle absence. `ResponseMetadata` is checked by `client.ts` before a kind sees a page.
 */
import type { VolcTag } from './common.js';

type Tags = readonly VolcTag[] | null;

// ---- ecs 2020-04-01 ----
export interface DescribeRegions {
  readonly Regions?: readonly { readonly RegionId?: string }[] | null;
  readonly NextToken?: string | null;
}

export interface DescribeZones {
  readonly Zones?: readonly { readonly ZoneId?: string }[] | null;
}

export interface InstanceNic {
  readonly NetworkInterfaceId?: string;
  readonly PrimaryIpAddress?: string;
  readonly SubnetId?: string;
  readonly MacAddress?: string;
  /** `primary` or `secondary`. */
  readonly Type?: string;
}

export interface Instance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly Hostname?: string;
  readonly Status?: string;
  readonly ZoneId?: string;
  readonly VpcId?: string;
  readonly InstanceTypeId?: string;
  readonly ImageId?: string;
  readonly CreatedAt?: string;
  readonly Tags?: Tags;
  readonly NetworkInterfaces?: readonly InstanceNic[] | null;
  readonly EipAddress?: { readonly AllocationId?: string; readonly IpAddress?: string } | null;
}

export interface DescribeInstances {
  readonly Instances?: readonly Instance[] | null;
  readonly NextToken?: string | null;
}

// ---- vpc 2020-04-01 ----
export interface Vpc {
  readonly VpcId?: string;
  readonly VpcName?: string;
  readonly CidrBlock?: string;
  readonly SecondaryCidrBlocks?: readonly string[] | null;
  readonly Ipv6CidrBlock?: string;
  readonly Status?: string;
  readonly IsDefault?: boolean;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeVpcs {
  readonly Vpcs?: readonly Vpc[] | null;
  readonly NextToken?: string | null;
}

export interface Subnet {
  readonly SubnetId?: string;
  readonly SubnetName?: string;
  readonly VpcId?: string;
  readonly ZoneId?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly Status?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
  readonly RouteTable?: { readonly RouteTableId?: string; readonly RouteTableType?: string } | null;
}

export interface DescribeSubnets {
  readonly Subnets?: readonly Subnet[] | null;
  readonly NextToken?: string | null;
}

export interface AssociatedElasticIp {
  readonly AllocationId?: string;
  readonly EipAddress?: string;
}

export interface NetworkInterfaceSet {
  readonly NetworkInterfaceId?: string;
  readonly NetworkInterfaceName?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly ZoneId?: string;
  readonly MacAddress?: string;
  readonly PrimaryIpAddress?: string;
  readonly PrivateIpSets?: {
    readonly PrivateIpSet?:
      | readonly {
          readonly PrivateIpAddress?: string;
          readonly Primary?: boolean;
          readonly AssociatedElasticIp?: AssociatedElasticIp | null;
        }[]
      | null;
  } | null;
  readonly SecurityGroupIds?: readonly string[] | null;
  readonly DeviceId?: string;
  /** `primary` or `secondary`. */
  readonly Type?: string;
  readonly CreatedAt?: string;
  readonly Tags?: Tags;
}

export interface TotalCounted {
  readonly TotalCount?: number;
}

export interface DescribeNetworkInterfaces extends TotalCounted {
  readonly NetworkInterfaceSets?: readonly NetworkInterfaceSet[] | null;
}

export interface EipAddress {
  readonly AllocationId?: string;
  readonly EipAddress?: string;
  readonly Name?: string;
  readonly InstanceId?: string;
  /** `EcsInstance`, `Nat`, `ClbInstance`, `NetworkInterface`, ... */
  readonly InstanceType?: string;
  readonly PrivateIpAddress?: string;
  readonly AllocationTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeEipAddresses extends TotalCounted {
  readonly EipAddresses?: readonly EipAddress[] | null;
}

export interface SecurityGroup {
  readonly SecurityGroupId?: string;
  readonly SecurityGroupName?: string;
  readonly Description?: string;
  readonly VpcId?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeSecurityGroups extends TotalCounted {
  readonly SecurityGroups?: readonly SecurityGroup[] | null;
}

export interface Permission {
  /** `ingress` / `egress`. */
  readonly Direction?: string;
  readonly Protocol?: string;
  readonly PortStart?: number;
  readonly PortEnd?: number;
  readonly CidrIp?: string;
  readonly SourceGroupId?: string;
  /** `accept` / `drop`. */
  readonly Policy?: string;
  readonly Priority?: number;
  readonly Description?: string;
}

export interface DescribeSecurityGroupAttributes {
  readonly SecurityGroupId?: string;
  readonly Permissions?: readonly Permission[] | null;
}

export interface RouteTable {
  readonly RouteTableId?: string;
  readonly RouteTableName?: string;
  readonly VpcId?: string;
  /** `System` (the VPC's main table) or `Custom`. */
  readonly RouteTableType?: string;
  readonly SubnetIds?: readonly string[] | null;
  readonly CreationTime?: string;
}

export interface DescribeRouteTableList extends TotalCounted {
  readonly RouterTableList?: readonly RouteTable[] | null;
}

export interface RouteEntry {
  readonly RouteEntryId?: string;
  readonly DestinationCidrBlock?: string;
  readonly NextHopType?: string;
  readonly NextHopId?: string;
  readonly Status?: string;
}

export interface DescribeRouteEntryList extends TotalCounted {
  readonly RouteEntries?: readonly RouteEntry[] | null;
}

// ---- natgateway 2020-04-01 ----
export interface NatGateway {
  readonly NatGatewayId?: string;
  readonly NatGatewayName?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly ZoneId?: string;
  readonly Status?: string;
  /** `internet` or `intranet`. */
  readonly NetworkType?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
  readonly EipAddresses?:
    readonly { readonly AllocationId?: string; readonly EipAddress?: string }[] | null;
}

export interface DescribeNatGateways extends TotalCounted {
  readonly NatGateways?: readonly NatGateway[] | null;
}

export interface SnatEntry {
  readonly SnatEntryId?: string;
  readonly NatGatewayId?: string;
  readonly SourceCidr?: string;
  readonly SubnetId?: string;
  readonly EipAddress?: string;
}

export interface DescribeSnatEntries extends TotalCounted {
  readonly SnatEntries?: readonly SnatEntry[] | null;
}

// ---- clb 2020-04-01 ----
export interface LoadBalancer {
  readonly LoadBalancerId?: string;
  readonly LoadBalancerName?: string;
  /** `public` or `private`. */
  readonly Type?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly EniAddress?: string;
  readonly EipAddress?: string;
  readonly Status?: string;
  readonly MasterZoneId?: string;
  readonly SlaveZoneId?: string;
  readonly CreateTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeLoadBalancers extends TotalCounted {
  readonly LoadBalancers?: readonly LoadBalancer[] | null;
}

export interface Listener {
  readonly ListenerId?: string;
  readonly ListenerName?: string;
  readonly Protocol?: string;
  readonly Port?: number;
  readonly ServerGroupId?: string;
}

export interface DescribeListeners extends TotalCounted {
  readonly Listeners?: readonly Listener[] | null;
}

export interface Server {
  readonly ServerId?: string;
  readonly InstanceId?: string;
  /** `ecs` or `eni`. */
  readonly Type?: string;
  readonly Ip?: string;
  readonly Port?: number;
  readonly Weight?: number;
}

export interface DescribeServerGroupAttributes {
  readonly ServerGroupId?: string;
  readonly Servers?: readonly Server[] | null;
}

// ---- rds_mysql / rds_postgresql / rds_mssql 2022-01-01 ----
export interface DbInstance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly InstanceStatus?: string;
  readonly DBEngineVersion?: string;
  readonly InstanceType?: string;
  readonly NodeSpec?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly ZoneId?: string;
  readonly CreateTime?: string;
  /** Set on a read-only instance (the primary it follows). */
  readonly PrimaryInstanceId?: string;
  readonly Tags?: Tags;
}

export interface DescribeDbInstances {
  readonly Instances?: readonly DbInstance[] | null;
  readonly Total?: number;
}

export interface DbAddress {
  /** `Private` or `Public`. */
  readonly NetworkType?: string;
  readonly IPAddress?: string;
  readonly Domain?: string;
  readonly Port?: string | number;
  readonly SubnetId?: string;
}

export interface DescribeDbInstanceDetail {
  readonly Endpoints?:
    | readonly {
        readonly EndpointType?: string;
        readonly Addresses?: readonly DbAddress[] | null;
      }[]
    | null;
}

// ---- redis 2020-12-07 ----
export interface RedisInstance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly Status?: string;
  readonly EngineVersion?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly ZoneIds?: readonly string[] | null;
  /** 1: sharded cluster; 0: one shard. */
  readonly ShardedCluster?: number;
  readonly NodeNumber?: number;
  readonly ShardCapacity?: number;
  readonly CreateTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeRedisInstances {
  readonly Instances?: readonly RedisInstance[] | null;
  readonly TotalInstancesNum?: number;
}

export interface VisitAddr {
  /** `Private` or `Public`. */
  readonly AddrType?: string;
  readonly Address?: string;
  readonly VIP?: string;
  readonly Port?: string;
}

export interface DescribeRedisInstanceDetail {
  readonly VisitAddrs?: readonly VisitAddr[] | null;
}

// ---- cen 2020-04-01 ----
export interface Cen {
  readonly CenId?: string;
  readonly CenName?: string;
  readonly Status?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}

export interface DescribeCens extends TotalCounted {
  readonly Cens?: readonly Cen[] | null;
}

export interface CenAttachedInstance {
  readonly InstanceId?: string;
  /** `VPC`, `DCGW`, ... */
  readonly InstanceType?: string;
  readonly InstanceRegionId?: string;
  readonly InstanceOwnerId?: string;
  readonly Status?: string;
}

export interface DescribeCenAttachedInstances extends TotalCounted {
  readonly AttachedInstances?: readonly CenAttachedInstance[] | null;
}

// ---- vke 2022-05-12 ----
export interface VkeCluster {
  readonly Id?: string;
  readonly Name?: string;
  readonly Status?: { readonly Phase?: string } | null;
  readonly KubernetesVersion?: string;
  readonly CreateTime?: string;
  readonly Tags?: Tags;
  readonly ClusterConfig?: {
    readonly VpcId?: string;
    readonly SubnetIds?: readonly string[] | null;
    readonly ApiServerEndpoints?: {
      readonly PrivateIp?: { readonly Ipv4?: string } | null;
      readonly PublicIp?: { readonly Ipv4?: string } | null;
    } | null;
  } | null;
}

export interface ListClusters {
  readonly Items?: readonly VkeCluster[] | null;
  readonly Total?: number;
}
