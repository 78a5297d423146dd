import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

/** An L2 subnet (AWS subnet, Aliyun VSwitch, QingCloud vxnet); DeepFlow's `Network`. */
export const SubnetSchema = z
  .object({
    ...baseRecordShape,
    vpc_id: RefSchema,
    zone_id: RefSchema.optional(),
    /** IPv4 then IPv6 CIDR blocks. */
    cidrs: z.array(z.string()),
    /** The route table explicitly associated, if any (else the VPC's main table applies). */
    route_table_id: RefSchema.optional(),
    state: AvailabilitySchema,
  })
  .strict();
export type Subnet = z.infer<typeof SubnetSchema>;
