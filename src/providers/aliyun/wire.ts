/**
 * The fields of Aliyun RPC responses that the mappers read, in Aliyun's casing; all optional. Lists come
 * wrapped (`Vpcs.Vpc[]`), as the JSON format of the RPC APIs returns them.
 */
import type { AliyunTag } from './common.js';

export interface Tags {
  readonly Tag?: readonly AliyunTag[];
}
export interface Paged {
  readonly TotalCount?: number;
  readonly PageNumber?: number;
  readonly PageSize?: number;
}

export interface Region {
  readonly RegionId?: string;
  readonly LocalName?: string;
  readonly RegionEndpoint?: string;
  readonly Status?: string;
}
export interface DescribeRegions {
  readonly Regions?: { readonly Region?: readonly Region[] };
}

export interface Zone {
  readonly ZoneId?: string;
  readonly LocalName?: string;
}
export interface DescribeZones {
  readonly Zones?: { readonly Zone?: readonly Zone[] };
}

export interface Vpc {
  readonly VpcId?: string;
  readonly VpcName?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly SecondaryCidrBlocks?: { readonly SecondaryCidrBlock?: readonly string[] };
  readonly IsDefault?: boolean;
  readonly Status?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeVpcs extends Paged {
  readonly Vpcs?: { readonly Vpc?: readonly Vpc[] };
}

export interface VSwitch {
  readonly VSwitchId?: string;
  readonly VSwitchName?: string;
  readonly VpcId?: string;
  readonly ZoneId?: string;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly Status?: string;
  readonly CreationTime?: string;
  readonly RouteTable?: { readonly RouteTableId?: string };
  readonly Tags?: Tags;
}
export interface DescribeVSwitches extends Paged {
  readonly VSwitches?: { readonly VSwitch?: readonly VSwitch[] };
}

export interface IpList {
  readonly IpAddress?: readonly string[];
}
export interface Instance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly HostName?: string;
  readonly Status?: string;
  readonly InstanceType?: string;
  readonly ImageId?: string;
  readonly ZoneId?: string;
  readonly CreationTime?: string;
  readonly VpcAttributes?: {
    readonly VpcId?: string;
    readonly VSwitchId?: string;
    readonly PrivateIpAddress?: IpList;
  };
  readonly InnerIpAddress?: IpList;
  readonly PublicIpAddress?: IpList;
  readonly EipAddress?: { readonly IpAddress?: string; readonly AllocationId?: string };
  readonly SecurityGroupIds?: { readonly SecurityGroupId?: readonly string[] };
  readonly NetworkInterfaces?: {
    readonly NetworkInterface?: readonly {
      readonly NetworkInterfaceId?: string;
      readonly PrimaryIpAddress?: string;
      readonly Type?: string;
    }[];
  };
  readonly Tags?: Tags;
}
export interface DescribeInstances extends Paged {
  readonly Instances?: { readonly Instance?: readonly Instance[] };
}

export interface AssociatedPublicIp {
  readonly PublicIpAddress?: string;
  readonly AllocationId?: string;
}
export interface NetworkInterfaceSet {
  readonly NetworkInterfaceId?: string;
  readonly NetworkInterfaceName?: string;
  readonly Type?: string;
  readonly Status?: string;
  readonly VpcId?: string;
  readonly VSwitchId?: string;
  readonly MacAddress?: string;
  readonly PrivateIpAddress?: string;
  readonly InstanceId?: string;
  readonly Description?: string;
  readonly CreationTime?: string;
  readonly SecurityGroupIds?: { readonly SecurityGroupId?: readonly string[] };
  readonly PrivateIpSets?: {
    readonly PrivateIpSet?: readonly {
      readonly PrivateIpAddress?: string;
      readonly Primary?: boolean;
      readonly AssociatedPublicIp?: AssociatedPublicIp;
    }[];
  };
  readonly AssociatedPublicIp?: AssociatedPublicIp;
  readonly Tags?: Tags;
}
export interface DescribeNetworkInterfaces {
  readonly NextToken?: string;
  readonly NetworkInterfaceSets?: { readonly NetworkInterfaceSet?: readonly NetworkInterfaceSet[] };
}

export interface EipAddress {
  readonly AllocationId?: string;
  readonly IpAddress?: string;
  readonly Name?: string;
  readonly InstanceId?: string;
  readonly InstanceType?: string;
  readonly PrivateIpAddress?: string;
  readonly AllocationTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeEipAddresses extends Paged {
  readonly EipAddresses?: { readonly EipAddress?: readonly EipAddress[] };
}

export interface SecurityGroup {
  readonly SecurityGroupId?: string;
  readonly SecurityGroupName?: string;
  readonly Description?: string;
  readonly VpcId?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeSecurityGroups extends Paged {
  readonly SecurityGroups?: { readonly SecurityGroup?: readonly SecurityGroup[] };
}
export interface Permission {
  readonly Direction?: string;
  readonly IpProtocol?: string;
  readonly PortRange?: string;
  readonly SourceCidrIp?: string;
  readonly DestCidrIp?: string;
  readonly Ipv6SourceCidrIp?: string;
  readonly Ipv6DestCidrIp?: string;
  readonly SourceGroupId?: string;
  readonly DestGroupId?: string;
  readonly SourcePrefixListId?: string;
  readonly DestPrefixListId?: string;
  readonly Policy?: string;
  readonly Priority?: string | number;
  readonly Description?: string;
}
export interface DescribeSecurityGroupAttribute {
  readonly Permissions?: { readonly Permission?: readonly Permission[] };
}

export interface RouteTableListType {
  readonly RouteTableId?: string;
  readonly RouteTableName?: string;
  readonly VpcId?: string;
  readonly RouteTableType?: string;
  readonly CreationTime?: string;
  readonly VSwitchIds?: { readonly VSwitchId?: readonly string[] };
  readonly Tags?: Tags;
}
export interface DescribeRouteTableList extends Paged {
  readonly RouterTableList?: { readonly RouterTableListType?: readonly RouteTableListType[] };
}
export interface RouteEntry {
  readonly DestinationCidrBlock?: string;
  readonly Status?: string;
  readonly NextHops?: {
    readonly NextHop?: readonly { readonly NextHopType?: string; readonly NextHopId?: string }[];
  };
}
export interface DescribeRouteEntryList {
  readonly NextToken?: string;
  readonly RouteEntrys?: { readonly RouteEntry?: readonly RouteEntry[] };
}

export interface NatGateway {
  readonly NatGatewayId?: string;
  readonly Name?: string;
  readonly VpcId?: string;
  readonly Status?: string;
  readonly NetworkType?: string;
  readonly CreationTime?: string;
  readonly SnatTableIds?: { readonly SnatTableId?: readonly string[] };
  readonly ForwardTableIds?: { readonly ForwardTableId?: readonly string[] };
  readonly IpLists?: { readonly IpList?: readonly { readonly IpAddress?: string }[] };
  readonly NatGatewayPrivateInfo?: {
    readonly VswitchId?: string;
    readonly PrivateIpAddress?: string;
    readonly IzNo?: string;
  };
  readonly Tags?: Tags;
}
export interface DescribeNatGateways extends Paged {
  readonly NatGateways?: { readonly NatGateway?: readonly NatGateway[] };
}
export interface SnatTableEntry {
  readonly SnatEntryId?: string;
  readonly SourceCIDR?: string;
  readonly SourceVSwitchId?: string;
  readonly SnatIp?: string;
}
export interface DescribeSnatTableEntries extends Paged {
  readonly SnatTableEntries?: { readonly SnatTableEntry?: readonly SnatTableEntry[] };
}
export interface ForwardTableEntry {
  readonly ForwardEntryId?: string;
  readonly ExternalIp?: string;
  readonly ExternalPort?: string;
  readonly InternalIp?: string;
  readonly InternalPort?: string;
  readonly IpProtocol?: string;
}
export interface DescribeForwardTableEntries extends Paged {
  readonly ForwardTableEntries?: { readonly ForwardTableEntry?: readonly ForwardTableEntry[] };
}

export interface LoadBalancer {
  readonly LoadBalancerId?: string;
  readonly LoadBalancerName?: string;
  readonly LoadBalancerStatus?: string;
  readonly Address?: string;
  readonly AddressType?: string;
  readonly VpcId?: string;
  readonly VSwitchId?: string;
  readonly MasterZoneId?: string;
  readonly SlaveZoneId?: string;
  readonly CreateTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeLoadBalancers extends Paged {
  readonly LoadBalancers?: { readonly LoadBalancer?: readonly LoadBalancer[] };
}
export interface ListenerPortAndProtocol {
  readonly ListenerPort?: number;
  readonly ListenerProtocol?: string;
  readonly Description?: string;
}
export interface DescribeLoadBalancerAttribute {
  readonly ListenerPortsAndProtocol?: {
    readonly ListenerPortAndProtocol?: readonly ListenerPortAndProtocol[];
  };
}
export interface HealthBackend {
  readonly ServerId?: string;
  readonly ServerIp?: string;
  readonly Port?: number;
  readonly ListenerPort?: number;
  readonly Protocol?: string;
  readonly ServerHealthStatus?: string;
}
export interface DescribeHealthStatus {
  readonly BackendServers?: { readonly BackendServer?: readonly HealthBackend[] };
}

/** ALB 2020-06-16 / NLB 2022-04-30 (NextToken paging, `{Key, Value}` tags, ISO times). */
export interface V2Address {
  /** ALB: the address clients use (public for internet-facing), and the private one. */
  readonly Address?: string;
  readonly IntranetAddress?: string;
  /** NLB. */
  readonly PrivateIPv4Address?: string;
  readonly PublicIPv4Address?: string;
}
export interface V2ZoneMapping {
  readonly ZoneId?: string;
  readonly VSwitchId?: string;
  readonly LoadBalancerAddresses?: readonly V2Address[];
}
export interface V2LoadBalancer {
  readonly LoadBalancerId?: string;
  readonly LoadBalancerName?: string;
  readonly LoadBalancerStatus?: string;
  readonly AddressType?: string;
  readonly VpcId?: string;
  readonly DNSName?: string;
  readonly CreateTime?: string;
  readonly Tags?: readonly AliyunTag[];
  readonly ZoneMappings?: readonly V2ZoneMapping[];
}
export interface ListV2LoadBalancers {
  readonly NextToken?: string;
  readonly LoadBalancers?: readonly V2LoadBalancer[];
}
export interface V2Listener {
  readonly ListenerId?: string;
  readonly LoadBalancerId?: string;
  readonly ListenerProtocol?: string;
  readonly ListenerPort?: number;
  readonly ListenerDescription?: string;
  /** NLB. */
  readonly ServerGroupId?: string;
  /** ALB. */
  readonly DefaultActions?: readonly {
    readonly ForwardGroupConfig?: {
      readonly ServerGroupTuples?: readonly { readonly ServerGroupId?: string }[];
    };
  }[];
}
export interface ListV2Listeners {
  readonly NextToken?: string;
  readonly Listeners?: readonly V2Listener[];
}
export interface V2Server {
  readonly ServerId?: string;
  readonly ServerIp?: string;
  readonly ServerType?: string;
  readonly Port?: number;
  readonly Weight?: number;
}
export interface ListV2ServerGroupServers {
  readonly NextToken?: string;
  readonly Servers?: readonly V2Server[];
}

/** ACK (cs 2015-12-15, ROA): snake_case fields. */
export interface AckCluster {
  readonly cluster_id?: string;
  readonly name?: string;
  readonly state?: string;
  readonly current_version?: string;
  readonly vpc_id?: string;
  readonly vswitch_id?: string;
  readonly vswitch_ids?: readonly string[];
  readonly created?: string;
  readonly tags?: readonly { readonly key?: string; readonly value?: string }[];
}
export interface DescribeClustersV1 {
  readonly clusters?: readonly AckCluster[];
  readonly page_info?: {
    readonly page_number?: number;
    readonly page_size?: number;
    readonly total_count?: number;
  };
}

export interface GetCallerIdentity {
  readonly AccountId?: string;
  readonly Arn?: string;
}

export interface DBInstance {
  readonly DBInstanceId?: string;
  readonly DBInstanceDescription?: string;
  readonly Engine?: string;
  readonly EngineVersion?: string;
  readonly DBInstanceStatus?: string;
  readonly DBInstanceType?: string;
  readonly DBInstanceClass?: string;
  readonly VpcId?: string;
  readonly VSwitchId?: string;
  readonly ZoneId?: string;
  readonly CreateTime?: string;
  readonly MasterInstanceId?: string;
}
export interface DescribeDBInstances {
  readonly TotalRecordCount?: number;
  readonly Items?: { readonly DBInstance?: readonly DBInstance[] };
}
export interface DBInstanceNetInfo {
  readonly ConnectionString?: string;
  readonly IPAddress?: string;
  readonly IPType?: string;
  readonly Port?: string;
}
export interface DescribeDBInstanceNetInfo {
  readonly DBInstanceNetInfos?: { readonly DBInstanceNetInfo?: readonly DBInstanceNetInfo[] };
}

export interface KVStoreInstance {
  readonly InstanceId?: string;
  readonly InstanceName?: string;
  readonly InstanceStatus?: string;
  readonly ArchitectureType?: string;
  readonly EngineVersion?: string;
  readonly VpcId?: string;
  readonly VSwitchId?: string;
  readonly ZoneId?: string;
  readonly ConnectionDomain?: string;
  readonly PrivateIp?: string;
  readonly Port?: number;
  readonly InstanceClass?: string;
  readonly NodeType?: string;
  readonly CreateTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeKVStoreInstances extends Paged {
  readonly Instances?: { readonly KVStoreInstance?: readonly KVStoreInstance[] };
}

export interface Cen {
  readonly CenId?: string;
  readonly Name?: string;
  readonly Status?: string;
  readonly CreationTime?: string;
  readonly Tags?: Tags;
}
export interface DescribeCens extends Paged {
  readonly Cens?: { readonly Cen?: readonly Cen[] };
}
export interface ChildInstance {
  readonly ChildInstanceId?: string;
  readonly ChildInstanceType?: string;
  readonly ChildInstanceRegionId?: string;
  readonly ChildInstanceOwnerId?: number | string;
  readonly Status?: string;
}
export interface DescribeCenAttachedChildInstances extends Paged {
  readonly ChildInstances?: { readonly ChildInstance?: readonly ChildInstance[] };
}

/** VpcPeer 2022-01-01 ListVpcPeerConnections: `Tags` is a flat `[{Key, Value}]` list here. */
export interface VpcPeerConnect {
  readonly InstanceId?: string;
  readonly Name?: string;
  readonly Status?: string;
  readonly RegionId?: string;
  readonly OwnerId?: number | string;
  readonly VpcId?: string;
  readonly AcceptingOwnerUid?: number | string;
  readonly AcceptingRegionId?: string;
  readonly AcceptingVpc?: { readonly VpcId?: string };
  readonly GmtCreate?: string;
  readonly Tags?: readonly AliyunTag[];
}
export interface ListVpcPeerConnections {
  readonly NextToken?: string;
  readonly VpcPeerConnects?: readonly VpcPeerConnect[];
}

/** resourcemanager 2020-03-31 ListResources (page-number paged). */
export interface RmResource {
  readonly ResourceId?: string;
  readonly RegionId?: string;
  readonly ResourceGroupId?: string;
}
export interface ListResources extends Paged {
  readonly Resources?: { readonly Resource?: readonly RmResource[] };
}
