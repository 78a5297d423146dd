import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** An Alibaba Cloud AccessKey pair (RAM user; read-only permissions suffice). */
export const AliyunCredentialsSchema = z
  .object({
    access_key_id: z.string().min(1),
    access_key_secret: z.string().min(1),
  })
  .strict();
export type AliyunCredentials = z.infer<typeof AliyunCredentialsSchema>;

export const AliyunOptionsSchema = z
  .object({
    /** Where DescribeRegions, ListResources and the account-wide CEN calls are asked. */
    default_region: z.string().min(1).default('cn-hangzhou'),
  })
  .strict();

/**
 * Public regions with their Chinese `LocalName` (as DescribeRegions returns it with AcceptLanguage zh-CN), for
 * suggestions, `--region 华南3（广州）` and as the fallback list. Note the full-width parentheses.
 */
export const ALIYUN_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'cn-qingdao', localName: '华北1（青岛）' },
  { id: 'cn-beijing', localName: '华北2（北京）' },
  { id: 'cn-zhangjiakou', localName: '华北3（张家口）' },
  { id: 'cn-huhehaote', localName: '华北5（呼和浩特）' },
  { id: 'cn-wulanchabu', localName: '华北6（乌兰察布）' },
  { id: 'cn-hangzhou', localName: '华东1（杭州）' },
  { id: 'cn-shanghai', localName: '华东2（上海）' },
  { id: 'cn-nanjing', localName: '华东5（南京-本地地域）' },
  { id: 'cn-fuzhou', localName: '华东6（福州-本地地域）' },
  { id: 'cn-wuhan-lr', localName: '华中1（武汉-本地地域）' },
  { id: 'cn-shenzhen', localName: '华南1（深圳）' },
  { id: 'cn-heyuan', localName: '华南2（河源）' },
  { id: 'cn-guangzhou', localName: '华南3（广州）' },
  { id: 'cn-chengdu', localName: '西南1（成都）' },
  { id: 'cn-hongkong', localName: '中国香港' },
  { id: 'ap-northeast-1', localName: '日本（东京）' },
  { id: 'ap-northeast-2', localName: '韩国（首尔）' },
  { id: 'ap-southeast-1', localName: '新加坡' },
  { id: 'ap-southeast-3', localName: '马来西亚（吉隆坡）' },
  { id: 'ap-southeast-5', localName: '印度尼西亚（雅加达）' },
  { id: 'ap-southeast-6', localName: '菲律宾（马尼拉）' },
  { id: 'ap-southeast-7', localName: '泰国（曼谷）' },
  { id: 'us-east-1', localName: '美国（弗吉尼亚）' },
  { id: 'us-west-1', localName: '美国（硅谷）' },
  { id: 'mx-central-1', localName: '墨西哥' },
  { id: 'eu-west-1', localName: '英国（伦敦）' },
  { id: 'eu-central-1', localName: '德国（法兰克福）' },
  { id: 'me-east-1', localName: '阿联酋（迪拜）' },
  { id: 'me-central-1', localName: '沙特（利雅得）' },
];

/** Endpoint service codes usable in `endpoints` (the products the adapter calls). */
export const ALIYUN_SERVICES = [
  'ecs',
  'vpc',
  'slb',
  'alb',
  'nlb',
  'rds',
  'r-kvstore',
  'cbn',
  'resourcemanager',
  'vpcpeer',
  'sts',
  'cs',
] as const;
export type AliyunService = (typeof ALIYUN_SERVICES)[number];

export const aliyunSpec: ProviderSpec<AliyunCredentials> = {
  name: 'aliyun',
  credentials: AliyunCredentialsSchema,
  secretKeys: ['access_key_secret'],
  // The AccessKey id is not a secret on its own, but it is never printed either.
  redactKeys: ['access_key_id'],
  credentialEnv: {
    access_key_id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    access_key_secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  },
  options: AliyunOptionsSchema,
  services: ALIYUN_SERVICES,
  knownRegions: ALIYUN_KNOWN_REGIONS,
};
