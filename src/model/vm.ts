import { z } from 'zod';
import { RefSchema, RunStateSchema, baseRecordShape } from './common.js';

/** A virtual machine / cloud server (DeepFlow's `chost`). Its IPs are in `network_interfaces` and `public_ips`. */
export const VmSchema = z
  .object({
    ...baseRecordShape,
    state: RunStateSchema,
    vpc_id: RefSchema.optional(),
    zone_id: RefSchema.optional(),
    subnet_id: RefSchema.optional(),
    /** The primary private IP (what DeepFlow calls the VM's `ip`). */
    primary_ip: z.string().optional(),
    instance_type: z.string().optional(),
    image_id: z.string().optional(),
    hostname: z.string().optional(),
    security_group_ids: z.array(RefSchema),
  })
  .strict();
export type Vm = z.infer<typeof VmSchema>;
