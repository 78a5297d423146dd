import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

export const SnatRuleSchema = z
  .object({
    native_id: z.string().optional(),
    /** Source CIDR, subnet reference or `*`. */
    source_cidr: z.string(),
    source_subnet_id: RefSchema.optional(),
    public_ips: z.array(z.string()),
  })
  .strict();
export type SnatRule = z.infer<typeof SnatRuleSchema>;

export const DnatRuleSchema = z
  .object({
    native_id: z.string().optional(),
    /** `all`, `tcp` or `udp`. */
    protocol: z.string(),
    public_ip: z.string(),
    public_port: z.number().int().optional(),
    private_ip: z.string(),
    private_port: z.number().int().optional(),
  })
  .strict();
export type DnatRule = z.infer<typeof DnatRuleSchema>;

/** A NAT gateway with its public (EIP) and private addresses and its rules. */
export const NatGatewaySchema = z
  .object({
    ...baseRecordShape,
    vpc_id: RefSchema,
    subnet_id: RefSchema.optional(),
    zone_id: RefSchema.optional(),
    state: AvailabilitySchema,
    /** `public` (internet) or `private` (VPC-only) connectivity. */
    connectivity: z.enum(['public', 'private']),
    public_ips: z.array(z.string()),
    private_ips: z.array(z.string()),
    snat_rules: z.array(SnatRuleSchema),
    dnat_rules: z.array(DnatRuleSchema),
  })
  .strict();
export type NatGateway = z.infer<typeof NatGatewaySchema>;
