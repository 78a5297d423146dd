import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** A Volcengine AccessKey pair (IAM user; read-only permissions suffice). */
export const VolcengineCredentialsSchema = z
  .object({
    access_key_id: z.string().min(1),
    secret_access_key: z.string().min(1),
  })
  .strict();
export type VolcengineCredentials = z.infer<typeof VolcengineCredentialsSchema>;

export const VolcengineOptionsSchema = z
  .object({
    /** Where DescribeRegions and the account-wide CEN calls are asked (DeepFlow asks `cn-beijing`). */
    default_region: z.string().min(1).default('cn-beijing'),
  })
  .strict();

/** Public regions with their Chinese names as the console shows them, for suggestions and as the fallback. */
export const VOLCENGINE_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'cn-beijing', localName: '华北2（北京）' },
  { id: 'cn-shanghai', localName: '华东2（上海）' },
  { id: 'cn-guangzhou', localName: '华南1（广州）' },
  { id: 'cn-hongkong', localName: '中国香港' },
  { id: 'ap-southeast-1', localName: '亚太东南（柔佛）' },
  { id: 'ap-southeast-3', localName: '亚太东南（雅加达）' },
];

/** Endpoint service codes usable in `endpoints`: the credential-scope service of each API. */
export const VOLCENGINE_SERVICES = [
  'ecs',
  'vpc',
  'clb',
  'natgateway',
  'rds_mysql',
  'rds_postgresql',
  'rds_mssql',
  'redis',
  'cen',
  'vke',
] as const;
export type VolcengineService = (typeof VOLCENGINE_SERVICES)[number];

export const volcengineSpec: ProviderSpec<VolcengineCredentials> = {
  name: 'volcengine',
  credentials: VolcengineCredentialsSchema,
  secretKeys: ['secret_access_key'],
  // The AccessKey id is not a secret on its own, but it is never printed either.
  redactKeys: ['access_key_id'],
  credentialEnv: {
    access_key_id: 'VOLCENGINE_ACCESS_KEY',
    secret_access_key: 'VOLCENGINE_SECRET_KEY',
  },
  options: VolcengineOptionsSchema,
  services: VOLCENGINE_SERVICES,
  knownRegions: VOLCENGINE_KNOWN_REGIONS,
};
