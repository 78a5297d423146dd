import { z } from 'zod';
import { RefSchema, baseRecordShape } from './common.js';

/** Where a route sends traffic. */
export const NextHopTypeSchema = z.enum([
  'local',
  'internet_gateway',
  'egress_only_gateway',
  'nat_gateway',
  'peering',
  'instance',
  'network_interface',
  'vpn_gateway',
  'transit_gateway',
  'cloud_network',
  'vpc_endpoint',
  'other',
]);
export type NextHopType = z.infer<typeof NextHopTypeSchema>;

export const RouteSchema = z
  .object({
    /** Destination CIDR (IPv4 or IPv6) or prefix-list id. */
    destination: z.string(),
    next_hop_type: NextHopTypeSchema,
    /** Native id of the next hop (`nat-...`, `pcx-...`), absent for `local`. */
    next_hop: z.string().optional(),
    /** Reference to the next hop when it is a record kind we sync. */
    next_hop_id: RefSchema.optional(),
    state: z.enum(['active', 'blackhole', 'unknown']),
  })
  .strict();
export type Route = z.infer<typeof RouteSchema>;

export const RouteTableSchema = z
  .object({
    ...baseRecordShape,
    vpc_id: RefSchema,
    /** True for the VPC's main (default) table. */
    is_main: z.boolean(),
    /** Subnets explicitly associated. */
    subnet_ids: z.array(RefSchema),
    routes: z.array(RouteSchema),
  })
  .strict();
export type RouteTable = z.infer<typeof RouteTableSchema>;
