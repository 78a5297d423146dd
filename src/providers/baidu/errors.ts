import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/**
 * BCE common error codes (https://cloud.baidu.com/doc/Reference/s/Njwvz1wot): the AccessKey or the signature
 * is rejected (`InvalidAccessKeyId` 403, `SignatureDoesNotMatch` 400, a stale timestamp), as opposed to an IAM
 * policy that denies the call (`AccessDenied` 403: the key is valid, a permission is missing).
 */
const AUTH_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidHTTPAuthHeader',
  'InvalidSessionToken',
  'SessionTokenExpired',
  'AccessKeyDisabled',
  // The request's x-bce-date is too far from the server's clock: every call fails until the clock is fixed.
  'RequestTimeTooSkewed',
  'RequestExpired',
]);

const PERMISSION_CODES = new Set(['AccessDenied', 'NoPermission', 'PermissionDenied']);

const THROTTLE_CODES = new Set(['RequestRateLimitExceeded', 'TooManyRequests', 'Throttling']);

/** The service is not opened (subscribed) for the account in that region. */
const REGION_CODES = new Set(['OptInRequired', 'ServiceNotOpened', 'InvalidRegion']);

const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [REGION_CODES, 'region_unavailable'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
];

export interface ClassifyOptions {
  /** True for a call to a regional endpoint (an unknown host there means the region does not exist). */
  readonly regional?: boolean;
}

/** BCE status/code → our error kind. Pure; the table is tested row by row. Codes win over statuses. */
export function classify(input: ErrorFacts, options: ClassifyOptions = {}): ErrorKind {
  return classifyFacts(input, { table: CODE_TABLE, regional: options.regional });
}

/** The facts of any rejection: the SDK's plain `{status_code, code, message, request_id}`, or a Node error. */
export function factsOf(err: unknown): ErrorFacts & { requestId?: string | undefined } {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return {
      code: typeof code === 'string' ? code : undefined,
      name: err.name,
      message: err.message,
    };
  }
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as {
    status_code?: unknown;
    code?: unknown;
    message?: unknown;
    request_id?: unknown;
  };
  const message =
    typeof e.message === 'string'
      ? e.message
      : e.message === undefined
        ? undefined
        : JSON.stringify(e.message);
  return {
    status: typeof e.status_code === 'number' ? e.status_code : undefined,
    code: typeof e.code === 'string' && e.code !== '' ? e.code : undefined,
    // A 2xx body that does not parse as JSON comes back as a rejection with the parser's message.
    message,
    requestId: typeof e.request_id === 'string' ? e.request_id : undefined,
  };
}

/** Drops what must never reach a log: AccessKey ids and signatures an echoed authorization would carry. */
export function scrubMessage(message: string): string {
  return clampMessage(
    message
      .replace(/bce-auth-v1\/[^\s"]+/gi, 'bce-auth-v1/***')
      .replace(/\b[0-9a-f]{64}\b/gi, '***')
      .replace(/\bALTAK[A-Za-z0-9]{8,}\b/g, '***'),
  );
}

/** Any rejection → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts, { regional: op.service !== 'csn' });
  const named = facts.code ?? facts.name;
  const code = named === 'Error' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'baidu',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
