import { z } from 'zod';

/** Providers whose cloud APIs are synced. `kubernetes` is handled by `src/kubernetes`, not by an adapter. */
export const PROVIDER_NAMES = [
  'aws',
  'aliyun',
  'azure',
  'baidu',
  'huawei',
  'qingcloud',
  'tencent',
  'volcengine',
] as const;
export const ProviderNameSchema = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof ProviderNameSchema>;

/** Every kind of record, singular snake_case. The inventory key is the plural (`kindKey`). */
export const RESOURCE_KINDS = [
  'region',
  'zone',
  'vpc',
  'subnet',
  'vm',
  'network_interface',
  'public_ip',
  'security_group',
  'route_table',
  'nat_gateway',
  'load_balancer',
  'rds_instance',
  'redis_instance',
  'peering_connection',
  'cloud_network',
  'kubernetes_cluster',
] as const;
export const ResourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

/** ISO-8601 UTC timestamp with a trailing `Z`, e.g. `2026-11-22T04:12:00.000Z`. */
export const IsoUtcSchema = z.iso.datetime();

/** Fields shared by every record. */
export const baseRecordShape = {
  /** Deterministic, readable id: `<provider>/<account>/<region>/<kind>/<native_id>`. */
  id: z.string().min(1),
  /** The cloud's own id of the resource (DeepFlow's `label`). */
  native_id: z.string().min(1),
  /** Display name; falls back to `native_id` when the cloud has none. */
  name: z.string(),
  provider: ProviderNameSchema,
  /** The account's `name` from the config. */
  account: z.string().min(1),
  /** Region id, or `global` for account-wide resources. */
  region: z.string().min(1),
  /** Cloud tags / labels; `{}` when none. */
  tags: z.record(z.string(), z.string()),
  /** Creation time, ISO-8601 UTC, when the cloud reports it. */
  created_at: IsoUtcSchema.optional(),
  /**
   * Set when the record was not seen by this run: its (account, region, kind) task failed and the record was
   * carried forward from the last good sync kept in `--state-dir` (DESIGN §7).
   */
  stale: z.literal(true).optional(),
  /** When the record's slice first failed to sync (ISO-8601 UTC); present with `stale`. */
  stale_since: IsoUtcSchema.optional(),
};

/** Lifecycle of a compute-like resource (VM, RDS, Redis). */
export const RunStateSchema = z.enum(['running', 'stopped', 'pending', 'error', 'unknown']);
export type RunState = z.infer<typeof RunStateSchema>;

/** Lifecycle of a network resource (NAT, LB, peering, cloud network, cluster). */
export const AvailabilitySchema = z.enum(['available', 'pending', 'deleting', 'error', 'unknown']);
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The kind of device a network interface or public IP is attached to. */
export const DeviceKindSchema = z.enum([
  'vm',
  'nat_gateway',
  'load_balancer',
  'rds_instance',
  'redis_instance',
  'kubernetes_cluster',
  'vpc_endpoint',
  'other',
]);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** An id reference to another record (same format as `id`). */
export const RefSchema = z.string().min(1);
