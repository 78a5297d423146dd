import type { RateLimit } from '../types.js';

/**
 * How fast the sync asks Tencent Cloud. API 3.0 limits each action per account and region, per second
 * (typically 20 requests/s for the Describe* APIs; `RequestLimitExceeded` beyond). We pace each (region,
 * action) at 20 requests per second after a burst of 20, so a large account backs off before the limit
 * rather than after it.
 */
export const TENCENT_RATE_LIMITS: readonly RateLimit[] = [
  'cvm',
  'vpc',
  'clb',
  'cdb',
  'postgres',
  'sqlserver',
  'redis',
  'tke',
].map((service) => ({ service, bucket: 'region-operation', perSecond: 20, burst: 20 }));
