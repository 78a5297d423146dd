import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** A Tencent Cloud API key pair (CAM sub-user; read-only permissions suffice). */
export const TencentCredentialsSchema = z
  .object({
    secret_id: z.string().min(1),
    secret_key: z.string().min(1),
  })
  .strict();
export type TencentCredentials = z.infer<typeof TencentCredentialsSchema>;

export const TencentOptionsSchema = z
  .object({
    /** Where DescribeRegions and the account-wide CCN calls are asked. */
    default_region: z.string().min(1).default('ap-guangzhou'),
  })
  .strict();

/**
 * Public regions with the Chinese `RegionName` DescribeRegions returns (ASCII parentheses), for suggestions,
 * `--region 华南地区(广州)` and as the fallback list.
 */
export const TENCENT_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'ap-guangzhou', localName: '华南地区(广州)' },
  { id: 'ap-shenzhen-fsi', localName: '华南地区(深圳金融)' },
  { id: 'ap-shanghai', localName: '华东地区(上海)' },
  { id: 'ap-shanghai-fsi', localName: '华东地区(上海金融)' },
  { id: 'ap-nanjing', localName: '华东地区(南京)' },
  { id: 'ap-beijing', localName: '华北地区(北京)' },
  { id: 'ap-beijing-fsi', localName: '华北地区(北京金融)' },
  { id: 'ap-chengdu', localName: '西南地区(成都)' },
  { id: 'ap-chongqing', localName: '西南地区(重庆)' },
  { id: 'ap-hongkong', localName: '港澳台地区(中国香港)' },
  { id: 'ap-singapore', localName: '亚太东南(新加坡)' },
  { id: 'ap-bangkok', localName: '亚太东南(曼谷)' },
  { id: 'ap-jakarta', localName: '亚太东南(雅加达)' },
  { id: 'ap-seoul', localName: '亚太东北(首尔)' },
  { id: 'ap-tokyo', localName: '亚太东北(东京)' },
  { id: 'ap-mumbai', localName: '亚太南部(孟买)' },
  { id: 'na-siliconvalley', localName: '美国西部(硅谷)' },
  { id: 'na-ashburn', localName: '美国东部(弗吉尼亚)' },
  { id: 'eu-frankfurt', localName: '欧洲地区(法兰克福)' },
  { id: 'sa-saopaulo', localName: '南美地区(圣保罗)' },
];

/** Endpoint service codes usable in `endpoints` (the products the adapter calls). */
export const TENCENT_SERVICES = [
  'cvm',
  'vpc',
  'clb',
  'cdb',
  'postgres',
  'sqlserver',
  'redis',
  'tke',
] as const;
export type TencentService = (typeof TENCENT_SERVICES)[number];

export const tencentSpec: ProviderSpec<TencentCredentials> = {
  name: 'tencent',
  credentials: TencentCredentialsSchema,
  secretKeys: ['secret_key'],
  // The SecretId is not a secret on its own, but it is never printed either.
  redactKeys: ['secret_id'],
  credentialEnv: {
    secret_id: 'TENCENTCLOUD_SECRET_ID',
    secret_key: 'TENCENTCLOUD_SECRET_KEY',
  },
  options: TencentOptionsSchema,
  services: TENCENT_SERVICES,
  knownRegions: TENCENT_KNOWN_REGIONS,
};
