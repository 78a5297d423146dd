import { z } from 'zod';
import { DeviceKindSchema, RefSchema, baseRecordShape } from './common.js';

/** A network interface carrying private IPs of a VM, NAT, LB, RDS or Redis (DeepFlow's LAN `VInterface` + `IP`s). */
export const NetworkInterfaceSchema = z
  .object({
    ...baseRecordShape,
    device_kind: DeviceKindSchema,
    /** Reference to the owning record when it is in the inventory. */
    device_id: RefSchema.optional(),
    /** The device's native id even when it is not a record (e.g. an ELB name). */
    device_native_id: z.string().optional(),
    mac: z.string().optional(),
    vpc_id: RefSchema.optional(),
    subnet_id: RefSchema.optional(),
    /** Private IPv4 and IPv6 addresses, primary first. */
    private_ips: z.array(z.string()),
    primary: z.boolean(),
    security_group_ids: z.array(RefSchema),
  })
  .strict();
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;
