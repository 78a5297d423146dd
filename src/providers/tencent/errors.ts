import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/** What `classify` reads of a failure: HTTP status, Tencent `Error.Code` or Node error code, error name. */
export type TencentErrorFacts = ErrorFacts;

/** CAM denials; `AuthFailure.UnauthorizedOperation` is one although it sits under `AuthFailure`. */
const PERMISSION_CODES = new Set([
  'UnauthorizedOperation',
  'AuthFailure.UnauthorizedOperation',
  'AuthFailure.CamNoAuth',
  'UnauthorizedOperation.CamNoAuth',
  'UnauthorizedOperation.PermissionDenied',
  'OperationDenied.CamNoAuth',
]);

const AUTH_CODES = new Set([
  'AuthFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureFailure',
  'AuthFailure.SignatureExpire',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.TokenFailure',
  'AuthFailure.MFAFailure',
  'AuthFailure.AccessKeyDisabled',
]);

const THROTTLE_CODES = new Set([
  'RequestLimitExceeded',
  'RequestLimitExceeded.UinLimitExceeded',
  'RequestLimitExceeded.IPLimitExceeded',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
]);

const REGION_CODES = new Set([
  'UnsupportedRegion',
  'InvalidRegion',
  'InvalidParameterValue.Region',
  'InvalidParameterValue.RegionNotSupported',
  'InvalidParameterValue.InvalidRegion',
  'FailedOperation.RegionNotSupported',
]);

/** Codes of an overloaded or failing backend (answered inside HTTP 200); retried as a 5xx. */
export const SERVER_CODES = new Set([
  'InternalError',
  'InternalError.UnknownError',
  'InternalError.ServerError',
  'ServiceUnavailable',
  'ResourceUnavailable.ServiceUnavailable',
]);

/** Row by row: the first code (Tencent code, Node code or error name) that a table knows decides. */
const CODE_TABLE: CodeTable = [
  [PERMISSION_CODES, 'permission_denied'],
  [AUTH_CODES, 'auth_failed'],
  [REGION_CODES, 'region_unavailable'],
  [THROTTLE_CODES, 'throttled'],
];

/**
 * Tencent status/code → our error kind. Pure; the table is tested row by row. Errors arrive inside HTTP 200
 * (`Response.Error.Code`), so codes decide; prefixes catch the families' newer members.
 */
export function classify(input: TencentErrorFacts): ErrorKind {
  return classifyFacts(input, {
    table: CODE_TABLE,
    after: (code) =>
      code.startsWith('UnauthorizedOperation')
        ? 'permission_denied'
        : code.startsWith('AuthFailure')
          ? 'auth_failed'
          : code.startsWith('RequestLimitExceeded')
            ? 'throttled'
            : code.startsWith('InvalidParameterValue.Region') ||
                code.startsWith('UnsupportedRegion')
              ? 'region_unavailable'
              : code === 'ERR_STREAM_PREMATURE_CLOSE'
                ? 'network'
                : undefined,
  });
}

/** The Node socket code the SDK folds into its message (`request to … failed, reason: read ECONNRESET`). */
function socketCode(message: string): string | undefined {
  const m = /reason: .*?\b(E[A-Z_]{3,})\b/.exec(message);
  return m?.[1];
}

/** The facts of any thrown value: a `TencentCloudSDKHttpException`, a fetch error or anything else. */
export function factsOf(err: unknown): TencentErrorFacts & { requestId?: string | undefined } {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & {
    code?: unknown;
    httpCode?: unknown;
    requestId?: unknown;
    type?: unknown;
  };
  let code = typeof e.code === 'string' && e.code !== '' ? e.code : undefined;
  // node-fetch's own timeouts (`request-timeout`, `body-timeout`) are transport failures.
  if (code === undefined && typeof e.type === 'string' && e.type.endsWith('-timeout')) {
    code = 'ETIMEDOUT';
  }
  code ??= socketCode(e.message);
  if (code === undefined && /socket hang up|premature close/i.test(e.message)) code = 'ECONNRESET';
  // The SDK rewraps node-fetch's own timeouts keeping only the message.
  if (code === undefined && /^network timeout at|^Response timeout while trying/i.test(e.message)) {
    code = 'ETIMEDOUT';
  }
  let status = typeof e.httpCode === 'number' ? e.httpCode : undefined;
  // Server-side codes come inside HTTP 200; they are still a 5xx.
  if (status === undefined && code !== undefined && SERVER_CODES.has(code)) status = 503;
  return {
    status,
    code,
    name: e.name,
    message: e.message,
    requestId: typeof e.requestId === 'string' && e.requestId !== '' ? e.requestId : undefined,
  };
}

/** Drops what must never reach a log or an output file: SecretIds, signatures, authorization headers. */
export function scrubMessage(message: string): string {
  const clean = message
    .replace(/\bAKID[A-Za-z0-9]{8,}\b/g, '***')
    .replace(/Signature=[^,\s]+/gi, 'Signature=***')
    .replace(/Credential=[^,\s]+/gi, 'Credential=***');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts);
  const named = facts.code ?? facts.name;
  const code = named === 'Error' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'tencent',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
