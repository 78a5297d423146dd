import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

export const LbTargetSchema = z
  .object({
    type: z.enum(['vm', 'ip', 'other']),
    /** The target's native id (instance id, IP, function ARN). */
    native_id: z.string(),
    vm_id: RefSchema.optional(),
    ip: z.string().optional(),
    port: z.number().int().optional(),
    health: z.enum(['healthy', 'unhealthy', 'unused', 'unknown']),
    weight: z.number().optional(),
  })
  .strict();
export type LbTarget = z.infer<typeof LbTargetSchema>;

export const LbListenerSchema = z
  .object({
    native_id: z.string(),
    name: z.string(),
    /** `tcp`, `udp`, `http`, `https`, `tls`, ... lower-case. */
    protocol: z.string(),
    port: z.number().int(),
    targets: z.array(LbTargetSchema),
  })
  .strict();
export type LbListener = z.infer<typeof LbListenerSchema>;

/** A load balancer with listeners and their backend targets. */
export const LoadBalancerSchema = z
  .object({
    ...baseRecordShape,
    vpc_id: RefSchema.optional(),
    scheme: z.enum(['internal', 'internet']),
    type: z.enum(['application', 'network', 'gateway', 'classic', 'other']),
    state: AvailabilitySchema,
    dns_name: z.string().optional(),
    /** Virtual IPs when the cloud reports them. */
    vips: z.array(z.string()),
    subnet_ids: z.array(RefSchema),
    zone_ids: z.array(RefSchema),
    listeners: z.array(LbListenerSchema),
  })
  .strict();
export type LoadBalancer = z.infer<typeof LoadBalancerSchema>;
