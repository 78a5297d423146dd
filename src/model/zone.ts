import { z } from 'zod';
import { AvailabilitySchema, baseRecordShape } from './common.js';

/** An availability zone. `native_id` is the zone name (AWS `us-east-1a`). */
export const ZoneSchema = z
  .object({
    ...baseRecordShape,
    /** Secondary zone identifier (AWS `ZoneId` such as `use1-az1`). */
    alias: z.string().optional(),
    state: AvailabilitySchema,
  })
  .strict();
export type Zone = z.infer<typeof ZoneSchema>;
