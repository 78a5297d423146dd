import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

export const CloudNetworkAttachmentSchema = z
  .object({
    native_id: z.string(),
    /** `vpc`, `vpn`, `peering`, `direct_connect` or `other`. */
    type: z.enum(['vpc', 'vpn', 'peering', 'direct_connect', 'other']),
    /** Native id of the attached resource (e.g. the VPC id). */
    resource_native_id: z.string().optional(),
    resource_region: z.string().optional(),
    resource_account_id: z.string().optional(),
    vpc_id: RefSchema.optional(),
    state: AvailabilitySchema,
  })
  .strict();
export type CloudNetworkAttachment = z.infer<typeof CloudNetworkAttachmentSchema>;

/** A cloud network joining VPCs: AWS Transit Gateway, Aliyun CEN, Tencent CCN, Azure Virtual WAN hub, ... */
export const CloudNetworkSchema = z
  .object({
    ...baseRecordShape,
    state: AvailabilitySchema,
    /** References of the attached VPCs of this account. */
    vpc_ids: z.array(RefSchema),
    attachments: z.array(CloudNetworkAttachmentSchema),
  })
  .strict();
export type CloudNetwork = z.infer<typeof CloudNetworkSchema>;
