/**
 * The response fields the Huawei adapter reads, in the APIs' own snake_case. All optional: the mappers handle
 * absence. Sources: IAM v3, ECS v1, VPC v1/v2.0, EIP v3, NAT v2, ELB v3, RDS v3, DCS v2 API references.
 */

/** `{key, value}` tags (VPC v3, EIP v3, ELB v3, RDS v3, DCS v2). */
export interface KeyValueTag {
  readonly key?: string;
  readonly value?: string;
}

/** The `page_info` of VPC v3 / EIP v3 / ELB v3 lists. */
export interface PageInfo {
  readonly next_marker?: string | null;
  readonly previous_marker?: string | null;
  readonly current_count?: number;
}

// IAM v3

export interface Project {
  readonly id?: string;
  readonly name?: string;
  readonly enabled?: boolean;
  readonly parent_id?: string;
  readonly domain_id?: string;
}
export interface ListAuthProjects {
  readonly projects?: readonly Project[];
}

// ECS v1

export interface AvailabilityZone {
  readonly zoneName?: string;
  readonly zoneState?: { readonly available?: boolean };
}
export interface NovaListAvailabilityZones {
  readonly availabilityZoneInfo?: readonly AvailabilityZone[];
}

export interface ServerAddress {
  readonly addr?: string;
  readonly version?: number | string;
  readonly 'OS-EXT-IPS:type'?: string;
  readonly 'OS-EXT-IPS:port_id'?: string;
  readonly 'OS-EXT-IPS-MAC:mac_addr'?: string;
}
export interface Server {
  readonly id?: string;
  readonly name?: string;
  readonly status?: string;
  readonly created?: string;
  readonly flavor?: { readonly id?: string; readonly name?: string };
  readonly image?: { readonly id?: string };
  readonly metadata?: Readonly<Record<string, string>>;
  readonly addresses?: Readonly<Record<string, readonly ServerAddress[]>>;
  readonly security_groups?: readonly { readonly id?: string; readonly name?: string }[];
  /** `key=value` strings. */
  readonly tags?: readonly string[];
  readonly 'OS-EXT-AZ:availability_zone'?: string;
  readonly 'OS-EXT-SRV-ATTR:hostname'?: string;
}
export interface ListServersDetails {
  readonly count?: number;
  readonly servers?: readonly Server[];
}

// VPC v3 (VPCs) and v1

export interface Vpc {
  readonly id?: string;
  readonly name?: string;
  readonly cidr?: string;
  readonly status?: string;
  readonly created_at?: string;
  readonly extend_cidrs?: readonly string[];
  readonly tags?: readonly KeyValueTag[];
}
export interface ListVpcs {
  readonly vpcs?: readonly Vpc[];
  readonly page_info?: PageInfo;
}

export interface Subnet {
  readonly id?: string;
  readonly name?: string;
  readonly cidr?: string;
  readonly cidr_v6?: string;
  readonly gateway_ip?: string;
  readonly vpc_id?: string;
  readonly status?: string;
  readonly availability_zone?: string;
  readonly neutron_subnet_id?: string;
  readonly created_at?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListSubnets {
  readonly subnets?: readonly Subnet[];
}

export interface FixedIp {
  readonly subnet_id?: string;
  readonly ip_address?: string;
}
export interface Port {
  readonly id?: string;
  readonly name?: string;
  readonly network_id?: string;
  readonly mac_address?: string;
  readonly device_id?: string;
  readonly device_owner?: string;
  readonly status?: string;
  readonly fixed_ips?: readonly FixedIp[];
  readonly security_groups?: readonly string[];
  readonly created_at?: string;
}
export interface ListPorts {
  readonly ports?: readonly Port[];
}

export interface SecurityGroupRule {
  readonly id?: string;
  readonly direction?: string;
  readonly ethertype?: string;
  readonly protocol?: string | null;
  readonly port_range_min?: number | null;
  readonly port_range_max?: number | null;
  readonly remote_ip_prefix?: string | null;
  readonly remote_group_id?: string | null;
  readonly description?: string;
  readonly action?: string;
  readonly priority?: number;
}
export interface SecurityGroup {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  readonly vpc_id?: string;
  readonly security_group_rules?: readonly SecurityGroupRule[];
}
export interface ListSecurityGroups {
  readonly security_groups?: readonly SecurityGroup[];
}

export interface RouteTableSummary {
  readonly id?: string;
  readonly name?: string;
  readonly default?: boolean;
  readonly vpc_id?: string;
  readonly subnets?: readonly { readonly id?: string }[];
}
export interface ListRouteTables {
  readonly routetables?: readonly RouteTableSummary[];
}
export interface RouteEntry {
  readonly type?: string;
  readonly destination?: string;
  readonly nexthop?: string;
}
export interface RouteTableDetail extends RouteTableSummary {
  readonly routes?: readonly RouteEntry[];
  readonly created_at?: string;
}
export interface ShowRouteTable {
  readonly routetable?: RouteTableDetail;
}

// VPC v2.0

export interface PeeringVpcInfo {
  readonly vpc_id?: string;
  readonly tenant_id?: string;
}
export interface Peering {
  readonly id?: string;
  readonly name?: string;
  readonly status?: string;
  readonly request_vpc_info?: PeeringVpcInfo;
  readonly accept_vpc_info?: PeeringVpcInfo;
  readonly created_at?: string;
}
export interface ListPeerings {
  readonly peerings?: readonly Peering[];
}

// EIP v3

export interface PublicIp {
  readonly id?: string;
  readonly alias?: string | null;
  readonly public_ip_address?: string;
  readonly status?: string;
  readonly associate_instance_type?: string | null;
  readonly associate_instance_id?: string | null;
  readonly vnic?: {
    readonly private_ip_address?: string;
    readonly port_id?: string;
    readonly device_id?: string;
  } | null;
  readonly created_at?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListPublicIps {
  readonly publicips?: readonly PublicIp[];
  readonly page_info?: PageInfo;
}

// NAT v2

export interface NatGateway {
  readonly id?: string;
  readonly name?: string;
  readonly router_id?: string;
  readonly internal_network_id?: string;
  readonly status?: string;
  readonly spec?: string;
  readonly ngport_ip_address?: string;
  readonly created_at?: string;
}
export interface ListNatGateways {
  readonly nat_gateways?: readonly NatGateway[];
}
export interface SnatRule {
  readonly id?: string;
  readonly nat_gateway_id?: string;
  readonly network_id?: string;
  readonly cidr?: string;
  /** Comma-separated when the rule has several EIPs. */
  readonly floating_ip_address?: string;
}
export interface ListSnatRules {
  readonly snat_rules?: readonly SnatRule[];
}
export interface DnatRule {
  readonly id?: string;
  readonly nat_gateway_id?: string;
  readonly protocol?: string;
  readonly floating_ip_address?: string;
  readonly external_service_port?: number;
  readonly private_ip?: string;
  readonly internal_service_port?: number;
}
export interface ListDnatRules {
  readonly dnat_rules?: readonly DnatRule[];
}

// ELB v3

export interface LoadBalancer {
  readonly id?: string;
  readonly name?: string;
  readonly vpc_id?: string;
  readonly vip_subnet_cidr_id?: string;
  readonly vip_address?: string;
  readonly vip_port_id?: string;
  readonly provisioning_status?: string;
  readonly availability_zone_list?: readonly string[];
  readonly publicips?: readonly {
    readonly publicip_address?: string;
    readonly publicip_id?: string;
  }[];
  readonly l4_flavor_id?: string | null;
  readonly l7_flavor_id?: string | null;
  readonly created_at?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListLoadBalancers {
  readonly loadbalancers?: readonly LoadBalancer[];
  readonly page_info?: PageInfo;
}
export interface Listener {
  readonly id?: string;
  readonly name?: string;
  readonly protocol?: string;
  readonly protocol_port?: number;
  readonly default_pool_id?: string | null;
  readonly loadbalancers?: readonly { readonly id?: string }[];
}
export interface ListListeners {
  readonly listeners?: readonly Listener[];
  readonly page_info?: PageInfo;
}
export interface Member {
  readonly id?: string;
  readonly address?: string;
  readonly protocol_port?: number;
  readonly instance_id?: string | null;
  readonly operating_status?: string;
  readonly weight?: number;
}
export interface ListMembers {
  readonly members?: readonly Member[];
  readonly page_info?: PageInfo;
}

// RDS v3

export interface RdsInstance {
  readonly id?: string;
  readonly name?: string;
  readonly status?: string;
  readonly type?: string;
  readonly datastore?: { readonly type?: string; readonly version?: string };
  readonly private_ips?: readonly string[];
  readonly public_ips?: readonly string[];
  readonly port?: number;
  readonly vpc_id?: string;
  readonly subnet_id?: string;
  readonly flavor_ref?: string;
  readonly nodes?: readonly { readonly availability_zone?: string; readonly role?: string }[];
  readonly created?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListRdsInstances {
  readonly instances?: readonly RdsInstance[];
  readonly total_count?: number;
}

// DCS v2

export interface DcsInstance {
  readonly instance_id?: string;
  readonly name?: string;
  readonly engine?: string;
  readonly engine_version?: string;
  readonly status?: string;
  readonly ip?: string;
  readonly port?: number;
  readonly domain_name?: string;
  readonly publicip_address?: string | null;
  readonly vpc_id?: string;
  readonly subnet_id?: string;
  readonly az_codes?: readonly string[];
  readonly cache_mode?: string;
  readonly spec_code?: string;
  readonly created_at?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListDcsInstances {
  readonly instances?: readonly DcsInstance[];
  readonly instance_num?: number;
}

// Enterprise Router v3

export interface EnterpriseRouter {
  readonly id?: string;
  readonly name?: string;
  readonly state?: string;
  readonly asn?: number;
  readonly created_at?: string;
  readonly tags?: readonly KeyValueTag[];
}
export interface ListEnterpriseRouters {
  readonly instances?: readonly EnterpriseRouter[];
  readonly page_info?: PageInfo;
}
export interface ErAttachment {
  readonly id?: string;
  readonly resource_id?: string;
  /** `vpc`, `vpn`, `vgw` (Direct Connect), `peering`, `ecn`, `cfw`. */
  readonly resource_type?: string;
  readonly resource_project_id?: string;
  readonly state?: string;
}
export interface ListErAttachments {
  readonly attachments?: readonly ErAttachment[];
  readonly page_info?: PageInfo;
}

// CCE v3

export interface CceCluster {
  readonly metadata?: {
    readonly uid?: string;
    readonly name?: string;
    readonly alias?: string;
    /** `2026-01-02 03:04:05.123 +0000 UTC` */
    readonly creationTimestamp?: string;
    readonly labels?: Readonly<Record<string, string>>;
  };
  readonly spec?: {
    readonly version?: string;
    readonly hostNetwork?: { readonly vpc?: string; readonly subnet?: string };
    readonly eniNetwork?: { readonly subnets?: readonly { readonly subnetID?: string }[] };
  };
  readonly status?: {
    readonly phase?: string;
    readonly endpoints?: readonly { readonly url?: string; readonly type?: string }[];
  };
}
export interface ListClusters {
  readonly items?: readonly CceCluster[];
}
