/**
 * The BCE response fields we read, in BCE's own casing; all optional (STYLE §5). Paths and fields after the
 * BCE API reference (BCC v2, VPC/EIP/BLB/RDS v1, SCS v2, CSN v1).
 */
import type { MarkerPage } from './paging.js';
import type { BaiduTag } from './common.js';

type Tags = readonly BaiduTag[];

/** POST /v2/region/describeRegions (bcc). */
export interface DescribeRegions {
  readonly regions?: readonly {
    readonly regionId?: string;
    readonly regionName?: string;
    readonly regionEndpoint?: string;
  }[];
}

/** GET /v2/zone (bcc). */
export interface ListZones {
  readonly zones?: readonly { readonly zoneName?: string }[];
}

/** GET /v1/vpc. */
export interface Vpc {
  readonly vpcId?: string;
  readonly name?: string;
  readonly cidr?: string;
  readonly secondaryCidr?: readonly string[];
  readonly ipv6Cidr?: string;
  readonly isDefault?: boolean;
  readonly description?: string;
  readonly createdTime?: string;
  readonly tags?: Tags;
}
export interface ListVpcs extends MarkerPage {
  readonly vpcs?: readonly Vpc[];
}

/** GET /v1/subnet. */
export interface Subnet {
  readonly subnetId?: string;
  readonly name?: string;
  readonly zoneName?: string;
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
  readonly vpcId?: string;
  readonly subnetType?: string;
  readonly availableIp?: number;
  readonly createdTime?: string;
  readonly tags?: Tags;
}
export interface ListSubnets extends MarkerPage {
  readonly subnets?: readonly Subnet[];
}

/** One private IP of an instance's primary NIC (`primary` is the string "true"/"false"). */
export interface NicIp {
  readonly privateIp?: string;
  readonly eip?: string;
  readonly eipId?: string;
  readonly primary?: string;
}

export interface NicInfo {
  readonly eniId?: string;
  readonly macAddress?: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly ips?: readonly NicIp[];
  readonly securityGroups?: readonly string[];
}

/** GET /v2/instance (bcc). */
export interface Instance {
  readonly id?: string;
  readonly name?: string;
  readonly hostname?: string;
  readonly status?: string;
  readonly instanceType?: string;
  readonly spec?: string;
  readonly imageId?: string;
  readonly internalIp?: string;
  readonly publicIp?: string;
  readonly zoneName?: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly createTime?: string;
  readonly tags?: Tags;
  readonly nicInfo?: NicInfo;
}
export interface ListInstances extends MarkerPage {
  readonly instances?: readonly Instance[];
}

/** GET /v1/eni?vpcId= (ENIs besides the instances' primary NICs). */
export interface Eni {
  readonly eniId?: string;
  readonly name?: string;
  readonly zoneName?: string;
  readonly instanceId?: string;
  readonly macAddress?: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly status?: string;
  readonly privateIpSet?: readonly {
    readonly privateIpAddress?: string;
    readonly publicIpAddress?: string;
    readonly primary?: boolean;
  }[];
  readonly securityGroupIds?: readonly string[];
  readonly createdTime?: string;
}
export interface ListEnis extends MarkerPage {
  readonly enis?: readonly Eni[];
}

/** GET /v1/eip. `instanceType`: BCC, BLB, APPBLB, NAT, ENI, VPN, ... */
export interface Eip {
  readonly eip?: string;
  readonly eipId?: string;
  readonly name?: string;
  readonly status?: string;
  readonly instanceType?: string;
  readonly instanceId?: string;
  readonly createTime?: string;
  readonly tags?: Tags;
}
export interface ListEips extends MarkerPage {
  readonly eipList?: readonly Eip[];
}

/** GET /v2/securityGroup (bcc). */
export interface SecurityGroupRule {
  readonly securityGroupRuleId?: string;
  readonly direction?: string;
  readonly protocol?: string;
  readonly portRange?: string;
  readonly sourceIp?: string;
  readonly destIp?: string;
  readonly sourceGroupId?: string;
  readonly destGroupId?: string;
  readonly ethertype?: string;
  readonly remark?: string;
}
export interface SecurityGroup {
  readonly id?: string;
  readonly name?: string;
  readonly vpcId?: string;
  readonly desc?: string;
  readonly rules?: readonly SecurityGroupRule[];
  readonly createdTime?: string;
  readonly tags?: Tags;
}
export interface ListSecurityGroups extends MarkerPage {
  readonly securityGroups?: readonly SecurityGroup[];
}

/** GET /v1/route?vpcId= (the VPC's route table). */
export interface RouteRule {
  readonly routeRuleId?: string;
  readonly sourceAddress?: string;
  readonly destinationAddress?: string;
  readonly nexthopId?: string;
  readonly nexthopType?: string;
  readonly description?: string;
}
export interface GetRouteTable {
  readonly routeTableId?: string;
  readonly vpcId?: string;
  readonly routeRules?: readonly RouteRule[];
}

/** GET /v1/nat. */
export interface Nat {
  readonly id?: string;
  readonly name?: string;
  readonly vpcId?: string;
  readonly spec?: string;
  readonly status?: string;
  readonly eips?: readonly string[];
  readonly dnatEips?: readonly string[];
  readonly createTime?: string;
  readonly tags?: Tags;
}
export interface ListNats extends MarkerPage {
  readonly nats?: readonly Nat[];
}

/** GET /v1/nat/{natId}/snatRule. */
export interface SnatRule {
  readonly ruleId?: string;
  readonly ruleName?: string;
  readonly sourceCIDR?: string;
  readonly publicIpsAddress?: readonly string[];
  readonly status?: string;
}
export interface ListSnatRules extends MarkerPage {
  readonly rules?: readonly SnatRule[];
}

/** GET /v1/peerconn. */
export interface PeerConn {
  readonly peerConnId?: string;
  readonly role?: string;
  readonly status?: string;
  readonly description?: string;
  readonly localVpcId?: string;
  readonly localRegion?: string;
  readonly peerVpcId?: string;
  readonly peerRegion?: string;
  readonly peerAccountId?: string;
  readonly createdTime?: string;
  readonly tags?: Tags;
}
export interface ListPeerConns extends MarkerPage {
  readonly peerConns?: readonly PeerConn[];
}

/** GET /v1/blb and /v1/appblb. */
export interface Blb {
  readonly blbId?: string;
  readonly name?: string;
  readonly status?: string;
  readonly address?: string;
  readonly publicIp?: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly createTime?: string;
  readonly tags?: Tags;
}
export interface ListBlbs extends MarkerPage {
  readonly blbList?: readonly Blb[];
}

/** GET /v1/blb/{id}/listener and /v1/appblb/{id}/listener (every protocol). */
export interface BlbListener {
  readonly listenerPort?: number;
  readonly listenerType?: string;
  readonly backendPort?: number;
}
export interface ListBlbListeners extends MarkerPage {
  readonly listenerList?: readonly BlbListener[];
}

/** GET /v1/blb/{id}/backendserver?listenerPort= (with the health of each server on that listener). */
export interface BackendServer {
  readonly instanceId?: string;
  readonly privateIp?: string;
  readonly weight?: number;
  readonly status?: string;
}
export interface ListBackendServers extends MarkerPage {
  readonly backendServerList?: readonly BackendServer[];
}

/** GET /v1/appblb/{id}/policys?port=&type= : which server group a listener forwards to. */
export interface AppPolicy {
  readonly id?: string;
  readonly appServerGroupId?: string;
  readonly backendPort?: number;
}
export interface ListAppPolicies extends MarkerPage {
  readonly policyList?: readonly AppPolicy[];
}

/** GET /v1/appblb/{id}/blbrs?sgId= : the servers of a server group, health per port. */
export interface AppBackendServer {
  readonly instanceId?: string;
  readonly privateIp?: string;
  readonly weight?: number;
  readonly portList?: readonly { readonly port?: number; readonly status?: string }[];
}
export interface ListAppBackendServers extends MarkerPage {
  readonly backendServerList?: readonly AppBackendServer[];
}

/** GET /v1/instance (rds). */
export interface RdsInstance {
  readonly instanceId?: string;
  readonly instanceName?: string;
  readonly engine?: string;
  readonly engineVersion?: string;
  readonly instanceStatus?: string;
  readonly instanceType?: string;
  readonly sourceInstanceId?: string;
  readonly endpoint?: {
    readonly address?: string;
    readonly port?: number;
    readonly vnetIp?: string;
    readonly inetIp?: string;
  };
  readonly vpcId?: string;
  readonly subnets?: readonly { readonly subnetId?: string; readonly zoneName?: string }[];
  readonly zoneNames?: readonly string[];
  readonly instanceCreateTime?: string;
}
export interface ListRds extends MarkerPage {
  readonly instances?: readonly RdsInstance[];
}

/** GET /v2/instance (scs): the list; GET /v2/instance/{id}: the detail with its network. */
export interface ScsInstance {
  readonly instanceId?: string;
  readonly instanceName?: string;
  readonly instanceStatus?: string;
  readonly clusterType?: string;
  readonly engineVersion?: string;
  readonly nodeType?: string;
  readonly domain?: string;
  readonly port?: number;
  readonly vnetIp?: string;
  readonly eip?: string;
  readonly vpcId?: string;
  readonly subnets?: readonly { readonly subnetId?: string; readonly zoneName?: string }[];
  readonly zoneNames?: readonly string[];
  readonly instanceCreateTime?: string;
  readonly tags?: Tags;
}
export interface ListScs extends MarkerPage {
  readonly instances?: readonly ScsInstance[];
}

/** GET /v1/csn (global). */
export interface Csn {
  readonly csnId?: string;
  readonly name?: string;
  readonly status?: string;
  readonly description?: string;
  readonly tags?: Tags;
}
export interface ListCsns extends MarkerPage {
  readonly csns?: readonly Csn[];
}

/** GET /v1/csn/{csnId}/instance. */
export interface CsnInstance {
  readonly attachId?: string;
  readonly instanceType?: string;
  readonly instanceId?: string;
  readonly instanceRegion?: string;
  readonly instanceAccountId?: string;
  readonly status?: string;
}
export interface ListCsnInstances extends MarkerPage {
  readonly instances?: readonly CsnInstance[];
}

/** GET /v2/clusters (cce): `clusterPage` with `pageNo`/`pageSize`/`totalCount`. */
export interface CceCluster {
  readonly spec?: {
    readonly clusterID?: string;
    readonly clusterName?: string;
    readonly k8sVersion?: string;
    readonly vpcID?: string;
    readonly containerNetworkConfig?: { readonly lbServiceVPCSubnetID?: string };
  };
  readonly status?: {
    readonly clusterPhase?: string;
    readonly clusterBLB?: { readonly id?: string; readonly vpcIP?: string; readonly eip?: string };
  };
  readonly createdAt?: string;
}
export interface ListClusters {
  readonly clusterPage?: {
    readonly pageNo?: number;
    readonly pageSize?: number;
    readonly totalCount?: number;
    readonly clusterList?: readonly CceCluster[];
  };
}
