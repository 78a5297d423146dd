import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

/** A VPC peering connection. `local_*` is the requester side. */
export const PeeringConnectionSchema = z
  .object({
    ...baseRecordShape,
    state: AvailabilitySchema,
    local_vpc_native_id: z.string(),
    local_region: z.string(),
    local_account_id: z.string().optional(),
    remote_vpc_native_id: z.string(),
    remote_region: z.string(),
    remote_account_id: z.string().optional(),
    /** References, set when the VPC belongs to this account (and so may be in the inventory). */
    local_vpc_id: RefSchema.optional(),
    remote_vpc_id: RefSchema.optional(),
  })
  .strict();
export type PeeringConnection = z.infer<typeof PeeringConnectionSchema>;
