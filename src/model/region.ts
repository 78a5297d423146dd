import { z } from 'zod';
import { baseRecordShape } from './common.js';

/** A cloud region that was synced. `native_id` is the region id; `name` its localized name. */
export const RegionSchema = z
  .object({
    ...baseRecordShape,
    /** Localized display name (Aliyun `LocalName`, Tencent `RegionName`, ...). */
    local_name: z.string().optional(),
    /** Service endpoint the provider reports for this region. */
    endpoint: z.string().optional(),
  })
  .strict();
export type Region = z.infer<typeof RegionSchema>;
