import { z } from 'zod';
import { AvailabilitySchema, RefSchema, baseRecordShape } from './common.js';

/** A managed Kubernetes cluster the cloud lists (EKS, ACK, TKE, CCE, AKS, ...). */
export const KubernetesClusterSchema = z
  .object({
    ...baseRecordShape,
    state: AvailabilitySchema,
    vpc_id: RefSchema.optional(),
    subnet_ids: z.array(RefSchema),
    version: z.string().optional(),
    /** The API server URL. */
    endpoint: z.string().optional(),
  })
  .strict();
export type KubernetesCluster = z.infer<typeof KubernetesClusterSchema>;
