/** Default per-request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Default in-flight requests per account: enough to keep every region's independent calls on the wire at
 * once (a sync is bound by round trips, docs/performance.md); the published rate limits pace it per bucket.
 */
export const DEFAULT_CONCURRENCY = 64;
/** DeepFlow's default organization. */
export const DEFAULT_ORG_ID = 1;
/** Where `--push` and a push without `token` read the bearer token. */
export const PUSH_TOKEN_ENV = 'DEEPFLOW_CLOUD_PUSH_TOKEN';
