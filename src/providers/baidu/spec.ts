import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** A Baidu AI Cloud (BCE) AccessKey pair (IAM user; read-only permissions suffice). */
export const BaiduCredentialsSchema = z
  .object({
    access_key_id: z.string().min(1),
    secret_access_key: z.string().min(1),
  })
  .strict();
export type BaiduCredentials = z.infer<typeof BaiduCredentialsSchema>;

export const BaiduOptionsSchema = z
  .object({
    /** The region whose BCC endpoint lists the regions (every region answers describeRegions). */
    default_region: z.string().min(1).default('bj'),
  })
  .strict();

/**
 * BCE regions: each is an endpoint (`bcc.<id>.baidubce.com`), with the Chinese name the console shows. Used for
 * suggestions, `--regions 北京` and as the fallback when describeRegions is denied.
 */
export const BAIDU_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'bj', localName: '北京' },
  { id: 'gz', localName: '广州' },
  { id: 'su', localName: '苏州' },
  { id: 'bd', localName: '保定' },
  { id: 'fwh', localName: '武汉' },
  { id: 'hkg', localName: '香港' },
  { id: 'sin', localName: '新加坡' },
  { id: 'fsh', localName: '上海' },
  { id: 'yq', localName: '阳泉' },
  { id: 'cd', localName: '成都' },
  { id: 'nj', localName: '南京' },
];

/**
 * Endpoint service codes usable in `endpoints`: BCC (instances, zones, regions, security groups), VPC (VPC,
 * subnet, ENI, NAT, route, peering; served by the BCC host), EIP, BLB (classic and application), RDS, SCS
 * (Redis, host `redis.<region>`), CSN (global) and CCE.
 */
export const BAIDU_SERVICES = ['bcc', 'vpc', 'eip', 'blb', 'rds', 'scs', 'csn', 'cce'] as const;
export type BaiduService = (typeof BAIDU_SERVICES)[number];

export const baiduSpec: ProviderSpec<BaiduCredentials> = {
  name: 'baidu',
  credentials: BaiduCredentialsSchema,
  secretKeys: ['secret_access_key'],
  // The AccessKey id is not a secret on its own, but it is never printed either.
  redactKeys: ['access_key_id'],
  credentialEnv: {
    access_key_id: 'BAIDUCLOUD_ACCESS_KEY',
    secret_access_key: 'BAIDUCLOUD_SECRET_KEY',
  },
  options: BaiduOptionsSchema,
  services: BAIDU_SERVICES,
  knownRegions: BAIDU_KNOWN_REGIONS,
};
