import { z } from 'zod';
import type { ResourceKind } from './common.js';
import { ProviderNameSchema, RESOURCE_KINDS, ResourceKindSchema } from './common.js';
import { CloudNetworkSchema } from './cloud-network.js';
import { KubernetesClusterSchema } from './kubernetes-cluster.js';
import { LoadBalancerSchema } from './load-balancer.js';
import { NatGatewaySchema } from './nat-gateway.js';
import { NetworkInterfaceSchema } from './network-interface.js';
import { PeeringConnectionSchema } from './peering-connection.js';
import { PublicIpSchema } from './public-ip.js';
import { RdsInstanceSchema } from './rds-instance.js';
import { RedisInstanceSchema } from './redis-instance.js';
import { RegionSchema } from './region.js';
import { RouteTableSchema } from './route-table.js';
import { SecurityGroupSchema } from './security-group.js';
import { SubnetSchema } from './subnet.js';
import { VmSchema } from './vm.js';
import { VpcSchema } from './vpc.js';
import { ZoneSchema } from './zone.js';

/** Bumped when a field is removed or renamed; additive changes keep it. */
export const SCHEMA_VERSION = '1';

/** The record schema of each kind. */
export const KIND_SCHEMAS = {
  region: RegionSchema,
  zone: ZoneSchema,
  vpc: VpcSchema,
  subnet: SubnetSchema,
  vm: VmSchema,
  network_interface: NetworkInterfaceSchema,
  public_ip: PublicIpSchema,
  security_group: SecurityGroupSchema,
  route_table: RouteTableSchema,
  nat_gateway: NatGatewaySchema,
  load_balancer: LoadBalancerSchema,
  rds_instance: RdsInstanceSchema,
  redis_instance: RedisInstanceSchema,
  peering_connection: PeeringConnectionSchema,
  cloud_network: CloudNetworkSchema,
  kubernetes_cluster: KubernetesClusterSchema,
} as const satisfies Record<ResourceKind, z.ZodType>;

/** The record type of kind K. */
export type RecordOf<K extends ResourceKind> = z.infer<(typeof KIND_SCHEMAS)[K]>;
/** A record tagged with its kind, as fetchers yield them. */
export type KindRecord = { [K in ResourceKind]: { kind: K; record: RecordOf<K> } }[ResourceKind];
/** Any record. */
export type AnyRecord = RecordOf<ResourceKind>;

/** The inventory key of a kind: `rds_instance` → `rds_instances`. */
export const KIND_KEYS = {
  region: 'regions',
  zone: 'zones',
  vpc: 'vpcs',
  subnet: 'subnets',
  vm: 'vms',
  network_interface: 'network_interfaces',
  public_ip: 'public_ips',
  security_group: 'security_groups',
  route_table: 'route_tables',
  nat_gateway: 'nat_gateways',
  load_balancer: 'load_balancers',
  rds_instance: 'rds_instances',
  redis_instance: 'redis_instances',
  peering_connection: 'peering_connections',
  cloud_network: 'cloud_networks',
  kubernetes_cluster: 'kubernetes_clusters',
} as const satisfies Record<ResourceKind, string>;
export type KindKey = (typeof KIND_KEYS)[ResourceKind];

/** Kinds of `error_kind` (see STYLE §7). */
export const ERROR_KINDS = [
  'config_invalid',
  'auth_failed',
  'permission_denied',
  'throttled',
  'region_unavailable',
  'network',
  'truncated',
  'provider_error',
  'internal',
  'aborted',
] as const;
export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** One failed or skipped task (or account-level failure). */
export const ErrorEntrySchema = z
  .object({
    account: z.string(),
    provider: ProviderNameSchema,
    region: z.string().optional(),
    kind: ResourceKindSchema.optional(),
    operation: z.string().optional(),
    error_kind: ErrorKindSchema,
    /** `failed` or `skipped`: what became of the task. */
    outcome: z.enum(['failed', 'skipped']),
    code: z.string().optional(),
    message: z.string(),
    request_id: z.string().optional(),
  })
  .strict();
export type ErrorEntry = z.infer<typeof ErrorEntrySchema>;

/** A slice carried forward from the last good sync. */
export const StaleSliceSchema = z
  .object({
    region: z.string(),
    kind: ResourceKindSchema,
    /** When this slice first failed to sync (ISO-8601 UTC). */
    stale_since: z.iso.datetime(),
    /** Records carried forward. */
    records: z.number().int(),
  })
  .strict();
export type StaleSlice = z.infer<typeof StaleSliceSchema>;

/** Per-account summary. */
export const AccountSummarySchema = z
  .object({
    name: z.string(),
    provider: ProviderNameSchema,
    /** The cloud's own account id when the provider reports it. */
    account_id: z.string().optional(),
    status: z.enum(['ok', 'partial', 'failed']),
    /** Region ids synced. */
    regions: z.array(z.string()),
    /** Regions that exist but are not enabled / opted in for this account (reported, not errors). */
    disabled_regions: z.array(z.string()),
    /** Content hash of the account's records; stable when nothing changed. */
    version: z.string(),
    /**
     * Slices (region × kind) whose task failed this run and whose records were carried forward from the last
     * good sync, marked `stale: true` (only with `--state-dir`).
     */
    stale_slices: z.array(StaleSliceSchema).optional(),
  })
  .strict();
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

const kindListShape = Object.fromEntries(
  RESOURCE_KINDS.map((k) => [KIND_KEYS[k], z.array(KIND_SCHEMAS[k])]),
) as { [K in ResourceKind as (typeof KIND_KEYS)[K]]: z.ZodArray<(typeof KIND_SCHEMAS)[K]> };

/** The document one run produces. */
export const InventorySchema = z
  .object({
    schema_version: z.literal(SCHEMA_VERSION),
    tool: z.object({ name: z.literal('deepflow-cloud'), version: z.string() }).strict(),
    generated_at: z.iso.datetime(),
    accounts: z.array(AccountSummarySchema),
    ...kindListShape,
    errors: z.array(ErrorEntrySchema),
  })
  .strict();
export type Inventory = z.infer<typeof InventorySchema>;

/** Orders records by `id` (code-unit order, locale-independent). */
export function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An empty list for every kind. */
export function emptyKindLists(): { [K in ResourceKind as (typeof KIND_KEYS)[K]]: RecordOf<K>[] } {
  return Object.fromEntries(RESOURCE_KINDS.map((k) => [KIND_KEYS[k], []])) as unknown as {
    [K in ResourceKind as (typeof KIND_KEYS)[K]]: RecordOf<K>[];
  };
}
