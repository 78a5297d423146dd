import { z } from 'zod';
import { RefSchema, RunStateSchema, baseRecordShape } from './common.js';

/** A managed Redis (or Redis-compatible) cache. */
export const RedisInstanceSchema = z
  .object({
    ...baseRecordShape,
    state: RunStateSchema,
    /** `standalone`, `replication` (primary/replica), `cluster` (sharded) or `serverless`. */
    mode: z.enum(['standalone', 'replication', 'cluster', 'serverless']),
    engine_version: z.string().optional(),
    vpc_id: RefSchema.optional(),
    zone_id: RefSchema.optional(),
    subnet_ids: z.array(RefSchema),
    /** Host names clients connect to inside the VPC / from the internet. */
    internal_host: z.string().optional(),
    public_host: z.string().optional(),
    port: z.number().int().optional(),
    node_type: z.string().optional(),
  })
  .strict();
export type RedisInstance = z.infer<typeof RedisInstanceSchema>;
