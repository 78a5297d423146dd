/**
 * The emulator's provider-neutral world: plain field names and our own enums, so that every provider's
 * emulator renders the same world in its own wire format. Native ids come from `WorldOptions.nativeId`.
 */

export type Scale = 'tiny' | 'small' | 'medium' | 'large';
export const SCALES: readonly Scale[] = ['tiny', 'small', 'medium', 'large'];

/** What a native id is generated for. */
export type IdKind =
  | 'zone'
  | 'vpc'
  | 'vpc_cidr_association'
  | 'subnet'
  | 'vm'
  | 'reservation'
  | 'image'
  | 'network_interface'
  | 'network_interface_attachment'
  | 'security_group'
  | 'route_table'
  | 'route_table_association'
  | 'internet_gateway'
  | 'nat_gateway'
  | 'public_ip'
  | 'public_ip_association'
  | 'peering_connection'
  | 'cloud_network'
  | 'cloud_network_attachment'
  | 'load_balancer'
  | 'listener'
  | 'target_group'
  | 'rds_instance'
  | 'kubernetes_cluster';

/** `n` is unique per (kind, region); ids must be unique per kind across the world. */
export type NativeIdFn = (kind: IdKind, n: number, region: string) => string;

/** A read-only sequence: a plain array, or a lazily generated list (VMs of a large world). */
export interface Seq<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

export type Tags = Readonly<Record<string, string>>;

export interface WorldRegion {
  readonly id: string;
  readonly localName?: string | undefined;
  readonly enabled: boolean;
  /** The region must be opted into (AWS opt-in regions); a disabled one is "not opted in". */
  readonly optInRequired: boolean;
}

export interface Zone {
  readonly id: string;
  readonly index: number;
  readonly region: string;
}

export interface Vpc {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  readonly cidr: string;
  readonly cidrAssociationId: string;
  readonly tags: Tags;
  readonly internetGatewayId: string;
  readonly mainRouteTableId: string;
}

export interface Subnet {
  readonly id: string;
  readonly index: number;
  readonly vpcId: string;
  readonly zone: string;
  readonly cidr: string;
  /** Addresses free for new interfaces (size − reserved − used). */
  readonly availableIps: number;
  /** Public subnets route 0.0.0.0/0 to the internet gateway and map public IPs on launch. */
  readonly public: boolean;
  /** The table that routes this subnet: an explicit association, else the VPC's main table. */
  readonly routeTableId: string;
  readonly name: string;
  readonly tags: Tags;
}

export type SgProtocol = 'all' | 'tcp' | 'udp' | 'icmp';

export interface SgRule {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: SgProtocol;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidr?: string;
  /** Another (or the same) security group of this region. */
  readonly groupId?: string;
  readonly description?: string;
}

export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly rules: readonly SgRule[];
  readonly tags: Tags;
}

export type RouteTargetKind =
  'local' | 'internet_gateway' | 'nat_gateway' | 'peering' | 'cloud_network';

export interface Route {
  readonly destination: string;
  readonly target: RouteTargetKind;
  /** Native id of the target; absent for `local`. */
  readonly targetId?: string;
  readonly state: 'active' | 'blackhole';
}

export interface RouteTableAssociation {
  readonly id: string;
  /** Absent for the main association. */
  readonly subnetId?: string;
}

export interface RouteTable {
  readonly id: string;
  readonly vpcId: string;
  readonly main: boolean;
  readonly name?: string;
  readonly associations: readonly RouteTableAssociation[];
  readonly routes: readonly Route[];
  readonly tags: Tags;
}

export type VmState = 'running' | 'stopped' | 'pending';

export type DeviceKind = 'vm' | 'nat_gateway' | 'load_balancer' | 'rds_instance' | 'redis_instance';

export interface PrivateIp {
  readonly ip: string;
  readonly primary: boolean;
  readonly publicIp?: string;
  /** Allocation id when the public IP is elastic; absent when it was assigned automatically. */
  readonly publicIpId?: string;
  readonly publicIpAssociationId?: string;
}

export interface NetworkInterface {
  readonly id: string;
  readonly mac: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly zone: string;
  readonly deviceKind: DeviceKind;
  /** Native id of the device (VM id, NAT id, LB id, RDS identifier, cache cluster id or serverless name). */
  readonly deviceId: string;
  /** 0 for the device's first interface. */
  readonly deviceIndex: number;
  readonly attachmentId: string;
  /** `kubernetes_pods`: a secondary interface a Kubernetes node uses for pod IPs. */
  readonly role: 'primary' | 'secondary' | 'kubernetes_pods' | 'service';
  /** Primary first. */
  readonly privateIps: readonly PrivateIp[];
  readonly securityGroupIds: readonly string[];
  readonly createdAt: string;
}

export interface Vm {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  readonly state: VmState;
  readonly instanceType: string;
  readonly imageId: string;
  readonly reservationId: string;
  readonly zone: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly privateIp: string;
  readonly publicIp?: string;
  readonly securityGroupIds: readonly string[];
  readonly launchTime: string;
  readonly tags: Tags;
  /** Name of the Kubernetes cluster this VM is a node of. */
  readonly kubernetesCluster?: string;
  readonly interfaces: readonly NetworkInterface[];
}

export interface PublicIp {
  readonly ip: string;
  readonly allocation: 'elastic' | 'ephemeral';
  /** Allocation id, for elastic IPs only. */
  readonly id?: string;
  readonly associationId?: string;
  readonly interfaceId?: string;
  readonly privateIp?: string;
  readonly deviceKind?: DeviceKind;
  readonly deviceId?: string;
  readonly tags: Tags;
}
