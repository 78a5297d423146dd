/**
 * The fields we read of QingCloud IaaS responses (`{action, ret_code, total_count, <x>_set: [...]}`), in the
 * API's own snake_case. Every field is optional: the mappers handle absence.
 */

export interface Envelope {
  readonly action?: string;
  readonly ret_code?: number;
  readonly message?: string;
  readonly total_count?: number;
}

/** `tags[]` of most resources: `tag_name`, with an optional `tag_key` (then `tag_name` is its value). */
export interface Tag {
  readonly tag_id?: string;
  readonly tag_name?: string;
  readonly tag_key?: string;
}

interface Tagged {
  readonly tags?: readonly Tag[];
  readonly create_time?: string;
}

export interface Zone {
  readonly zone_id?: string;
  /** `active`, `faulty`, `defunct`. */
  readonly status?: string;
}
export interface DescribeZones extends Envelope {
  readonly zone_set?: readonly Zone[];
}

/** A VPC network = a VPC router. */
export interface Router extends Tagged {
  readonly router_id?: string;
  readonly router_name?: string;
  readonly description?: string;
  /** `active`, `poweroffed`, `pending`, `suspended`, `deleted`, `ceased`. */
  readonly status?: string;
  /** The VPC's address range, e.g. `192.168.0.0/16`. */
  readonly vpc_network?: string;
  readonly private_ip?: string;
  readonly eip?: { readonly eip_id?: string; readonly eip_addr?: string };
}

export interface Vxnet extends Tagged {
  readonly vxnet_id?: string;
  readonly vxnet_name?: string;
  /** 1 managed (in a VPC), 0 unmanaged. */
  readonly vxnet_type?: number;
  readonly vpc_router_id?: string;
  readonly zone_id?: string;
  readonly router?: { readonly router_id?: string; readonly ip_network?: string };
}

export interface InstanceVxnet {
  readonly vxnet_id?: string;
  readonly vxnet_name?: string;
  readonly nic_id?: string;
  readonly private_ip?: string;
  /** 1 primary NIC, 0 secondary. */
  readonly role?: number;
}

export interface Instance extends Tagged {
  readonly instance_id?: string;
  readonly instance_name?: string;
  /** `pending`, `running`, `stopped`, `suspended`, `terminated`, `ceased`. */
  readonly status?: string;
  readonly instance_type?: string;
  readonly zone_id?: string;
  readonly image?: { readonly image_id?: string };
  readonly vxnets?: readonly InstanceVxnet[];
  readonly eip?: { readonly eip_id?: string; readonly eip_addr?: string };
  readonly security_group?: { readonly security_group_id?: string };
}

export interface Nic extends Tagged {
  /** The MAC address, which is the NIC's id. */
  readonly nic_id?: string;
  readonly nic_name?: string;
  readonly vxnet_id?: string;
  readonly private_ip?: string;
  readonly instance_id?: string;
  /** `available`, `in-use`. */
  readonly status?: string;
  /** 1 primary, 0 secondary. */
  readonly role?: number;
  /** The security group id. */
  readonly security_group?: string;
}

export interface Eip extends Tagged {
  readonly eip_id?: string;
  readonly eip_name?: string;
  readonly eip_addr?: string;
  /** `pending`, `available`, `associated`, `suspended`, `released`, `ceased`. */
  readonly status?: string;
  readonly resource?: {
    readonly resource_id?: string;
    readonly resource_name?: string;
    /** `instance`, `router`, `loadbalancer`, `nfv`, ... */
    readonly resource_type?: string;
    readonly nic_id?: string;
  };
}

export interface SecurityGroup extends Tagged {
  readonly security_group_id?: string;
  readonly security_group_name?: string;
  readonly description?: string;
}

export interface SecurityGroupRule {
  readonly security_group_rule_id?: string;
  readonly security_group_id?: string;
  /** `tcp`, `udp`, `icmp`, `gre`, `esp`, `ah`, `ipip`, or empty for all. */
  readonly protocol?: string;
  /** 0 highest .. 100. */
  readonly priority?: number;
  /** `accept` or `drop`. */
  readonly action?: string;
  /** 0 ingress, 1 egress. */
  readonly direction?: number;
  /** Start port (tcp/udp) or ICMP type. */
  readonly val1?: string;
  /** End port (tcp/udp) or ICMP code. */
  readonly val2?: string;
  /** The remote IP network (or IP set). */
  readonly val3?: string;
  readonly disabled?: number;
  readonly security_group_rule_name?: string;
}

export interface RoutingTableRule {
  readonly rtable_rule_id?: string;
  readonly network?: string;
  /** 0 local, 1 instance, 2 VPC router, 4 NAT gateway (NFV), other values: other. */
  readonly nexthop_type?: number;
  readonly nexthop?: string;
}

export interface RoutingTable extends Tagged {
  readonly rtable_id?: string;
  readonly rtable_name?: string;
  /** Associated resources by id: `{vxnet-x: {resource_id, resource_type: 'vxnet'}}`. */
  readonly resource_map?: Readonly<
    Record<string, { readonly resource_id?: string; readonly resource_type?: string }>
  >;
  readonly routing_table_rule_set?: readonly RoutingTableRule[];
}

export interface AddressRef {
  readonly eip_id?: string;
  readonly eip_addr?: string;
}

export interface Nfv extends Tagged {
  readonly nfv_id?: string;
  readonly nfv_name?: string;
  /** 1 NAT gateway. */
  readonly nfv_type?: number;
  /** `pending`, `active`, `stopped`, `suspended`, `deleted`, `ceased`. */
  readonly status?: string;
  readonly zone_id?: string;
  /** The NFV's addresses per vxnet, when the answer lists them (the vxnet itself comes from the filter). */
  readonly vxnets?: readonly { readonly vxnet_id?: string; readonly private_ip?: string }[];
  readonly eips?: readonly AddressRef[];
}

export interface LoadBalancer extends Tagged {
  readonly loadbalancer_id?: string;
  readonly loadbalancer_name?: string;
  /** `pending`, `active`, `stopped`, `suspended`, `deleted`, `ceased`. */
  readonly status?: string;
  readonly vxnet_id?: string;
  /** The VIPs in the vxnet. */
  readonly private_ips?: readonly string[];
  readonly eips?: readonly AddressRef[];
}

export interface Listener {
  readonly loadbalancer_listener_id?: string;
  readonly loadbalancer_listener_name?: string;
  readonly loadbalancer_id?: string;
  /** `http`, `https`, `tcp`, `udp`. */
  readonly listener_protocol?: string;
  readonly listener_port?: number;
}

export interface Backend {
  readonly loadbalancer_backend_id?: string;
  /** An instance id, or an IP address for an IP backend. */
  readonly resource_id?: string;
  readonly private_ip?: string;
  readonly port?: number;
  readonly weight?: number;
  /** `up`, `down`, `abnormal`, `unavailable`. */
  readonly status?: string;
  readonly disabled?: number;
}

export interface Rdb extends Tagged {
  readonly rdb_id?: string;
  readonly rdb_name?: string;
  /** `mysql`, `psql`. */
  readonly rdb_engine?: string;
  readonly engine_version?: string;
  /** `pending`, `active`, `stopped`, `suspended`, `deleted`, `ceased`. */
  readonly status?: string;
  readonly rdb_type?: number;
  readonly storage_size?: number;
  readonly vxnet?: { readonly vxnet_id?: string };
  readonly master_ip?: string;
}

export interface CacheNode {
  readonly cache_node_id?: string;
  readonly private_ip?: string;
  /** `master`, `slave`. */
  readonly cache_role?: string;
}

export interface Cache extends Tagged {
  readonly cache_id?: string;
  readonly cache_name?: string;
  /** `redis3.0.5`, `redis4.0.14`, `redis-cluster5.0.5`, `memcached1.4.13`, ... */
  readonly cache_type?: string;
  readonly status?: string;
  readonly cache_port?: number;
  readonly cache_class?: number;
  readonly node_count?: number;
  readonly vxnet?: { readonly vxnet_id?: string };
  readonly nodes?: readonly CacheNode[];
}

/** An AppCenter cluster (`DescribeClusters`); KubeSphere (QKE) ones are Kubernetes clusters. */
export interface Cluster extends Tagged {
  readonly cluster_id?: string;
  readonly name?: string;
  /** `pending`, `active`, `stopped`, `suspended`, `deleted`, `ceased`. */
  readonly status?: string;
  readonly app_info?: { readonly app_id?: string; readonly app_name?: string };
  readonly app_version_info?: { readonly version_id?: string; readonly name?: string };
  readonly vxnet?: { readonly vxnet_id?: string; readonly vpc_router_id?: string };
}
