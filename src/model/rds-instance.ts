import { z } from 'zod';
import { RefSchema, RunStateSchema, baseRecordShape } from './common.js';

export const RdsEngineSchema = z.enum([
  'mysql',
  'postgresql',
  'sqlserver',
  'mariadb',
  'oracle',
  'other',
]);
export type RdsEngine = z.infer<typeof RdsEngineSchema>;

/** A managed relational database instance (Aurora cluster members included). */
export const RdsInstanceSchema = z
  .object({
    ...baseRecordShape,
    engine: RdsEngineSchema,
    /** The provider's engine name verbatim (`aurora-mysql`, `sqlserver-ee`), for display. */
    engine_name: z.string().optional(),
    engine_version: z.string().optional(),
    state: RunStateSchema,
    role: z.enum(['primary', 'readonly', 'other']),
    vpc_id: RefSchema.optional(),
    zone_id: RefSchema.optional(),
    subnet_ids: z.array(RefSchema),
    /** Connection host name and port. */
    endpoint: z.string().optional(),
    port: z.number().int().optional(),
    instance_class: z.string().optional(),
    /** The cluster (e.g. Aurora DB cluster) this instance belongs to. */
    cluster_native_id: z.string().optional(),
  })
  .strict();
export type RdsInstance = z.infer<typeof RdsInstanceSchema>;
