import type { RateLimit } from '../types.js';

/**
 * How fast the sync asks Aliyun. ECS and VPC throttle each API separately per account and region, counted per
 * minute (https://www.alibabacloud.com/help/en/elastic-compute-service/latest/api-throttling); the thresholds
 * are per account, shown only in the Quota Center. We pace each (region, API) at 20 requests per second after
 * a burst of 100, under the per-minute quotas of the Describe* APIs we call, so a large account backs off
 * before `Throttling.User` rather than after it.
 */
export const ALIYUN_RATE_LIMITS: readonly RateLimit[] = [
  { service: 'ecs', bucket: 'region-operation', perSecond: 20, burst: 100 },
  { service: 'vpc', bucket: 'region-operation', perSecond: 20, burst: 100 },
];
