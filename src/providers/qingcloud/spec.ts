import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** A QingCloud API key pair (access key id + secret access key); read-only sub-account keys suffice. */
export const QingcloudCredentialsSchema = z
  .object({
    access_key_id: z.string().min(1),
    secret_access_key: z.string().min(1),
  })
  .strict();
export type QingcloudCredentials = z.infer<typeof QingcloudCredentialsSchema>;

/** No provider options: regions come from DescribeZones, asked without a zone. */
export const QingcloudOptionsSchema = z.object({}).strict();

/**
 * Public regions. A region is a zone group (`pek3` holds zones `pek3a`..`pek3d`); an `ap*` zone is a region
 * of its own (`ap2a`), as DeepFlow groups them. Names are the console's Chinese names, for `--regions 北京3区`.
 */
export const QINGCLOUD_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'pek3', localName: '北京3区' },
  { id: 'sh1', localName: '上海1区' },
  { id: 'gd2', localName: '广东2区' },
  { id: 'pek2', localName: '北京2区' },
  { id: 'gd1', localName: '广东1区' },
  { id: 'ap2a', localName: '亚太2区-A' },
  { id: 'ap3a', localName: '亚太3区-A' },
];

/** Endpoint service codes: every IaaS action is served by `https://api.qingcloud.com/iaas/`. */
export const QINGCLOUD_SERVICES = ['iaas'] as const;
export type QingcloudService = (typeof QINGCLOUD_SERVICES)[number];

export const qingcloudSpec: ProviderSpec<QingcloudCredentials> = {
  name: 'qingcloud',
  credentials: QingcloudCredentialsSchema,
  secretKeys: ['secret_access_key'],
  // The access key id is not a secret on its own, but it is never printed either.
  redactKeys: ['access_key_id'],
  credentialEnv: {
    access_key_id: 'QINGCLOUD_ACCESS_KEY_ID',
    secret_access_key: 'QINGCLOUD_SECRET_ACCESS_KEY',
  },
  options: QingcloudOptionsSchema,
  services: QINGCLOUD_SERVICES,
  knownRegions: QINGCLOUD_KNOWN_REGIONS,
};
