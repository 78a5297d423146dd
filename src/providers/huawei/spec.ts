import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/**
 * A Huawei Cloud AK/SK pair (IAM user; read-only permissions suffice). `project_id` pins the sync to one IAM
 * project (one region, or a sub-project); without it every project the key can see is a region.
 */
export const HuaweiCredentialsSchema = z
  .object({
    access_key: z.string().min(1),
    secret_key: z.string().min(1),
    project_id: z.string().min(1).optional(),
  })
  .strict();
export type HuaweiCredentials = z.infer<typeof HuaweiCredentialsSchema>;

export const HuaweiOptionsSchema = z.object({}).strict();

/** Public regions with their Chinese names (IAM KeystoneListRegions `locales.zh-cn`). */
export const HUAWEI_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'cn-north-1', localName: '华北-北京一' },
  { id: 'cn-north-4', localName: '华北-北京四' },
  { id: 'cn-north-9', localName: '华北-乌兰察布一' },
  { id: 'cn-east-2', localName: '华东-上海二' },
  { id: 'cn-east-3', localName: '华东-上海一' },
  { id: 'cn-east-4', localName: '华东二' },
  { id: 'cn-south-1', localName: '华南-广州' },
  { id: 'cn-south-4', localName: '华南-广州-友好用户环境' },
  { id: 'cn-southwest-2', localName: '西南-贵阳一' },
  { id: 'ap-southeast-1', localName: '中国-香港' },
  { id: 'ap-southeast-2', localName: '亚太-曼谷' },
  { id: 'ap-southeast-3', localName: '亚太-新加坡' },
  { id: 'ap-southeast-4', localName: '亚太-雅加达' },
  { id: 'af-south-1', localName: '非洲-约翰内斯堡' },
  { id: 'la-south-2', localName: '拉美-圣地亚哥' },
  { id: 'la-north-2', localName: '拉美-墨西哥城二' },
  { id: 'sa-brazil-1', localName: '拉美-圣保罗一' },
  { id: 'tr-west-1', localName: '土耳其-伊斯坦布尔' },
  { id: 'me-east-1', localName: '中东-利雅得' },
  { id: 'eu-west-101', localName: '欧洲-都柏林' },
];

/**
 * Endpoint service codes usable in `endpoints` (`{region}` is substituted): `iam` lists the projects; the
 * others are regional (`https://<code>.<region>.myhuaweicloud.com`).
 */
export const HUAWEI_SERVICES = [
  'iam',
  'ecs',
  'vpc',
  'eip',
  'nat',
  'elb',
  'rds',
  'dcs',
  'er',
  'cce',
] as const;
export type HuaweiService = (typeof HUAWEI_SERVICES)[number];

export const huaweiSpec: ProviderSpec<HuaweiCredentials> = {
  name: 'huawei',
  credentials: HuaweiCredentialsSchema,
  secretKeys: ['secret_key'],
  // The AK is not a secret on its own, but it is never printed either.
  redactKeys: ['access_key'],
  credentialEnv: {
    access_key: 'HUAWEICLOUD_SDK_AK',
    secret_key: 'HUAWEICLOUD_SDK_SK',
    project_id: 'HUAWEICLOUD_SDK_PROJECT_ID',
  },
  options: HuaweiOptionsSchema,
  services: HUAWEI_SERVICES,
  knownRegions: HUAWEI_KNOWN_REGIONS,
};
