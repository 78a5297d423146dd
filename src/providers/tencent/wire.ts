/**
 * The response fields the adapter reads (API 3.0, `Response.*`), in Tencent's own casing. Every field is
 * optional: the mappers handle absence.
 */
import type { TencentTag } from './common.js';

// ---- cvm 2017-03-12 ----

export interface Region {
  readonly Region?: string;
  readonly RegionName?: string;
  /** `AVAILABLE` or `UNAVAILABLE`. */
  readonly RegionState?: string;
}
export interface DescribeRegions {
  readonly RegionSet?: readonly Region[];
}

export interface Zone {
  readonly Zone?: string;
  readonly ZoneName?: string;
  readonly ZoneId?: string;
  readonly ZoneState?: string;
}
export interface DescribeZones {
  readonly ZoneSet?: readonly Zone[];
}

export interface Instance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly InstanceState?: string;
  readonly InstanceType?: string;
  readonly ImageId?: string;
  readonly Placement?: { readonly Zone?: string };
  readonly VirtualPrivateCloud?: { readonly VpcId?: string; readonly SubnetId?: string };
  readonly PrivateIpAddresses?: readonly string[] | null;
  readonly PublicIpAddresses?: readonly string[] | null;
  readonly SecurityGroupIds?: readonly string[] | null;
  readonly CreatedTime?: string;
  readonly Tags?: readonly TencentTag[] | null;
}
export interface DescribeInstances {
  readonly TotalCount?: number;
  readonly InstanceSet?: readonly Instance[];
}

// ---- vpc 2017-03-12 ----

export interface Vpc {
  readonly VpcId?: string;
  readonly VpcName?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly AssistantCidrSet?: readonly { readonly CidrBlock?: string }[] | null;
  readonly IsDefault?: boolean;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeVpcs {
  readonly TotalCount?: number;
  readonly VpcSet?: readonly Vpc[];
}

export interface Subnet {
  readonly SubnetId?: string;
  readonly SubnetName?: string;
  readonly VpcId?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly Zone?: string;
  readonly RouteTableId?: string;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeSubnets {
  readonly TotalCount?: number;
  readonly SubnetSet?: readonly Subnet[];
}

export interface PrivateIpAddress {
  readonly PrivateIpAddress?: string;
  readonly Primary?: boolean;
  readonly PublicIpAddress?: string;
  /** The EIP's id when the public address is elastic. */
  readonly AddressId?: string;
}
export interface NetworkInterface {
  readonly NetworkInterfaceId?: string;
  readonly NetworkInterfaceName?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly MacAddress?: string;
  readonly Primary?: boolean;
  readonly PrivateIpAddressSet?: readonly PrivateIpAddress[] | null;
  readonly GroupSet?: readonly string[] | null;
  readonly Attachment?: { readonly InstanceId?: string } | null;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeNetworkInterfaces {
  readonly TotalCount?: number;
  readonly NetworkInterfaceSet?: readonly NetworkInterface[];
}

export interface Address {
  readonly AddressId?: string;
  readonly AddressName?: string;
  readonly AddressIp?: string;
  readonly AddressStatus?: string;
  readonly InstanceId?: string;
  /** `CVM`, `NAT`, `CLB`, `ENI`, ... (which device InstanceId names). */
  readonly InstanceType?: string;
  readonly NetworkInterfaceId?: string;
  readonly PrivateAddressIp?: string;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeAddresses {
  readonly TotalCount?: number;
  readonly AddressSet?: readonly Address[];
}

export interface SecurityGroup {
  readonly SecurityGroupId?: string;
  readonly SecurityGroupName?: string;
  readonly SecurityGroupDesc?: string;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeSecurityGroups {
  readonly TotalCount?: number;
  readonly SecurityGroupSet?: readonly SecurityGroup[];
}

export interface SecurityGroupPolicy {
  readonly PolicyIndex?: number;
  readonly Protocol?: string;
  readonly Port?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly SecurityGroupId?: string;
  /** `ACCEPT` or `DROP`. */
  readonly Action?: string;
  readonly PolicyDescription?: string;
}
export interface DescribeSecurityGroupPolicies {
  readonly SecurityGroupPolicySet?: {
    readonly Ingress?: readonly SecurityGroupPolicy[] | null;
    readonly Egress?: readonly SecurityGroupPolicy[] | null;
  };
}

export interface Route {
  readonly DestinationCidrBlock?: string;
  readonly GatewayType?: string;
  readonly GatewayId?: string;
  readonly Enabled?: boolean;
}
export interface RouteTable {
  readonly RouteTableId?: string;
  readonly RouteTableName?: string;
  readonly VpcId?: string;
  readonly Main?: boolean;
  readonly AssociationSet?: readonly { readonly SubnetId?: string }[] | null;
  readonly RouteSet?: readonly Route[] | null;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeRouteTables {
  readonly TotalCount?: number;
  readonly RouteTableSet?: readonly RouteTable[];
}

export interface NatGateway {
  readonly NatGatewayId?: string;
  readonly NatGatewayName?: string;
  readonly State?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly Zone?: string;
  readonly PublicIpAddressSet?:
    readonly { readonly PublicIpAddress?: string; readonly AddressId?: string }[] | null;
  readonly CreatedTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeNatGateways {
  readonly TotalCount?: number;
  readonly NatGatewaySet?: readonly NatGateway[];
}

export interface DnatRule {
  readonly NatGatewayId?: string;
  readonly IpProtocol?: string;
  readonly PublicIpAddress?: string;
  readonly PublicPort?: number;
  readonly PrivateIpAddress?: string;
  readonly PrivatePort?: number;
}
export interface DescribeDnatRules {
  readonly TotalCount?: number;
  readonly NatGatewayDestinationIpPortTranslationNatRuleSet?: readonly DnatRule[];
}

export interface PeeringConnection {
  readonly PeeringConnectionId?: string;
  readonly PeeringConnectionName?: string;
  readonly SourceVpcId?: string;
  readonly DestinationVpcId?: string;
  readonly SourceRegion?: string;
  readonly DestinationRegion?: string;
  readonly SourceUin?: string;
  readonly DestinationUin?: string;
  readonly State?: string;
  readonly CreateTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeVpcPeeringConnections {
  readonly TotalCount?: number;
  readonly PeerConnectionSet?: readonly PeeringConnection[];
}

export interface Ccn {
  readonly CcnId?: string;
  readonly CcnName?: string;
  readonly State?: string;
  readonly CreateTime?: string;
  readonly TagSet?: readonly TencentTag[] | null;
}
export interface DescribeCcns {
  readonly TotalCount?: number;
  readonly CcnSet?: readonly Ccn[];
}
export interface CcnAttachedInstance {
  readonly CcnId?: string;
  readonly InstanceType?: string;
  readonly InstanceId?: string;
  readonly InstanceRegion?: string;
  readonly InstanceUin?: string;
  readonly State?: string;
}
export interface DescribeCcnAttachedInstances {
  readonly TotalCount?: number;
  readonly InstanceSet?: readonly CcnAttachedInstance[];
}

// ---- clb 2018-03-17 ----

export interface LoadBalancer {
  readonly LoadBalancerId?: string;
  readonly LoadBalancerName?: string;
  /** `OPEN` (internet) or `INTERNAL`. */
  readonly LoadBalancerType?: string;
  /** 1: application CLB; 0: classic CLB. */
  readonly Forward?: number;
  /** 0: creating; 1: normal. */
  readonly Status?: number;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly LoadBalancerVips?: readonly string[] | null;
  readonly Domain?: string;
  readonly MasterZone?: { readonly Zone?: string } | null;
  readonly CreateTime?: string;
  readonly Tags?: readonly TencentTag[] | null;
}
export interface DescribeLoadBalancers {
  readonly TotalCount?: number;
  readonly LoadBalancerSet?: readonly LoadBalancer[];
}

export interface Backend {
  readonly InstanceId?: string;
  readonly Port?: number;
  readonly Weight?: number;
  readonly PrivateIpAddresses?: readonly string[] | null;
  readonly Type?: string;
}
export interface Listener {
  readonly ListenerId?: string;
  readonly ListenerName?: string;
  readonly Protocol?: string;
  readonly Port?: number;
}
export interface DescribeListeners {
  readonly Listeners?: readonly Listener[];
}
export interface ListenerBackend {
  readonly ListenerId?: string;
  readonly Targets?: readonly Backend[] | null;
  readonly Rules?: readonly { readonly Targets?: readonly Backend[] | null }[] | null;
}
export interface DescribeTargets {
  readonly Listeners?: readonly ListenerBackend[];
}
export interface ClassicalListener {
  readonly ListenerId?: string;
  readonly ListenerName?: string;
  readonly Protocol?: string;
  readonly ListenerPort?: number;
  readonly InstancePort?: number;
}
export interface DescribeClassicalLBListeners {
  readonly Listener?: readonly ClassicalListener[];
}
export interface DescribeClassicalLBTargets {
  readonly Targets?: readonly Backend[];
}

// ---- cdb 2017-03-20, postgres 2017-03-12, sqlserver 2018-03-28 ----

export interface CdbInstance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  /** 1: running. */
  readonly Status?: number;
  /** 1: primary; 2: disaster recovery; 3: read-only. */
  readonly InstanceType?: number;
  readonly Vip?: string;
  readonly Vport?: number;
  readonly UniqVpcId?: string;
  readonly UniqSubnetId?: string;
  readonly Zone?: string;
  readonly EngineVersion?: string;
  readonly DeviceType?: string;
  readonly MasterInfo?: { readonly InstanceId?: string } | null;
  readonly CreateTime?: string;
  readonly TagList?: readonly TencentTag[] | null;
}
export interface DescribeCdbInstances {
  readonly TotalCount?: number;
  readonly Items?: readonly CdbInstance[];
}

export interface PgNetInfo {
  readonly Address?: string;
  readonly Ip?: string;
  readonly Port?: number;
  /** `private` or `public`. */
  readonly NetType?: string;
  /** `opened`, `closed`, ... */
  readonly Status?: string;
  readonly SubnetId?: string;
}
export interface PgInstance {
  readonly DBInstanceId?: string;
  readonly DBInstanceName?: string;
  readonly DBInstanceStatus?: string;
  readonly DBInstanceType?: string;
  readonly DBInstanceClass?: string;
  readonly DBVersion?: string;
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly Zone?: string;
  readonly DBInstanceNetInfo?: readonly PgNetInfo[] | null;
  readonly CreateTime?: string;
  readonly TagList?: readonly TencentTag[] | null;
}
export interface DescribePgInstances {
  readonly TotalCount?: number;
  readonly DBInstanceSet?: readonly PgInstance[];
}

export interface SqlServerInstance {
  readonly InstanceId?: string;
  readonly Name?: string;
  /** 2: running. */
  readonly Status?: number;
  readonly VersionName?: string;
  readonly Version?: string;
  readonly Type?: string;
  readonly Vip?: string;
  readonly Vport?: number;
  readonly UniqVpcId?: string;
  readonly UniqSubnetId?: string;
  readonly Zone?: string;
  readonly CreateTime?: string;
  readonly ResourceTags?: readonly TencentTag[] | null;
}
export interface DescribeSqlServerInstances {
  readonly TotalCount?: number;
  readonly DBInstances?: readonly SqlServerInstance[];
}

// ---- redis 2018-04-12 ----

export interface RedisInstance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  /** 2: running. */
  readonly Status?: number;
  /** The VPC address, despite the name. */
  readonly WanIp?: string;
  readonly Port?: number;
  readonly UniqVpcId?: string;
  readonly UniqSubnetId?: string;
  readonly ZoneId?: number;
  readonly CurrentRedisVersion?: string;
  /** `standalone` or `cluster`. */
  readonly ProductType?: string;
  readonly RedisReplicasNum?: number;
  readonly Size?: number;
  readonly Createtime?: string;
  readonly InstanceTags?: readonly TencentTag[] | null;
}
export interface DescribeRedisInstances {
  readonly TotalCount?: number;
  readonly InstanceSet?: readonly RedisInstance[];
}

// ---- tke 2018-05-25 ----

export interface Cluster {
  readonly ClusterId?: string;
  readonly ClusterName?: string;
  readonly ClusterVersion?: string;
  readonly ClusterStatus?: string;
  readonly ClusterNetworkSettings?: {
    readonly VpcId?: string;
    readonly Subnets?: readonly string[];
  };
  readonly CreatedTime?: string;
  readonly TagSpecification?: readonly { readonly Tags?: readonly TencentTag[] | null }[] | null;
}
export interface DescribeClusters {
  readonly TotalCount?: number;
  readonly Clusters?: readonly Cluster[];
}
