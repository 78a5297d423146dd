import { z } from 'zod';
import { RefSchema, baseRecordShape } from './common.js';

/** One rule of a security group. */
export const SecurityGroupRuleSchema = z
  .object({
    direction: z.enum(['ingress', 'egress']),
    /** `all`, `tcp`, `udp`, `icmp`, `icmpv6` or the protocol number as a string. */
    protocol: z.string(),
    /** `80`, `1000-2000`; absent = all ports. */
    port_range: z.string().optional(),
    /** Remote CIDR (source for ingress, destination for egress). */
    cidr: z.string().optional(),
    /** Remote security group reference. */
    remote_group_id: RefSchema.optional(),
    /** Remote prefix list or other named peer. */
    remote: z.string().optional(),
    action: z.enum(['allow', 'deny']),
    priority: z.number().int().optional(),
    description: z.string().optional(),
  })
  .strict();
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;

export const SecurityGroupSchema = z
  .object({
    ...baseRecordShape,
    vpc_id: RefSchema.optional(),
    description: z.string().optional(),
    rules: z.array(SecurityGroupRuleSchema),
  })
  .strict();
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
