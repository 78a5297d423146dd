import { z } from 'zod';
import { AvailabilitySchema, baseRecordShape } from './common.js';

/** A virtual private cloud (AWS VPC, Aliyun VPC, QingCloud router, Azure VNet). */
export const VpcSchema = z
  .object({
    ...baseRecordShape,
    /** IPv4 and IPv6 CIDR blocks, primary first. */
    cidrs: z.array(z.string()),
    is_default: z.boolean(),
    state: AvailabilitySchema,
  })
  .strict();
export type Vpc = z.infer<typeof VpcSchema>;
