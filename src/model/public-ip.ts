import { z } from 'zod';
import { DeviceKindSchema, RefSchema, baseRecordShape } from './common.js';

/** A public IPv4 address: an elastic IP (allocated) or one assigned automatically to an interface. */
export const PublicIpSchema = z
  .object({
    ...baseRecordShape,
    ip: z.string(),
    allocation: z.enum(['elastic', 'ephemeral']),
    device_kind: DeviceKindSchema.optional(),
    device_id: RefSchema.optional(),
    interface_id: RefSchema.optional(),
    /** The private IP the public one maps to (a 1:1 DNAT). */
    private_ip: z.string().optional(),
  })
  .strict();
export type PublicIp = z.infer<typeof PublicIpSchema>;
