import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';
import { VolcApiError, VolcResponseError } from './client.js';

const AUTH_CODES = new Set([
  'InvalidAccessKey',
  'InvalidAccessKeyId',
  'InvalidAccessKeyId.NotFound',
  'AccessKeyDisabled',
  'SignatureDoesNotMatch',
  'InvalidCredential',
  'InvalidAuthorization',
  'MissingAuthenticationToken',
  'MissingSignature',
  'InvalidSecurityToken',
  'InvalidTimestamp',
  'RequestExpired',
  'AuthFailure',
]);

const PERMISSION_CODES = new Set([
  'AccessDenied',
  'Forbidden',
  'ForbiddenOperation',
  'NoPermission',
  'OperationDenied',
  'UnauthorizedOperation',
  'NotAuthorized',
]);

const THROTTLE_CODES = new Set([
  'FlowLimitExceeded',
  'RequestLimitExceeded',
  'Throttling',
  'TooManyRequests',
  'AccountFlowLimitExceeded',
]);

const REGION_CODES = new Set([
  'InvalidRegion',
  'InvalidRegionId',
  'InvalidRegion.NotExist',
  'UnsupportedRegion',
  'RegionNotSupported',
  'InvalidParameter.Region',
  'ServiceNotInRegion',
]);

/** Codes Volcengine answers on an overloaded or failing backend; retried as a 5xx. */
export const SERVER_CODES = new Set([
  'InternalError',
  'InternalServiceError',
  'ServiceUnavailable',
  'ServiceUnavailableTemp',
  'InternalServiceTimeout',
  'UnknownError',
]);

/** Row by row: the first code (Volcengine code, Node code or error name) that a table knows decides. */
const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [REGION_CODES, 'region_unavailable'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
];

/** Volcengine status/code → our error kind. Pure; the table is tested row by row. Codes win over statuses. */
export function classify(input: ErrorFacts): ErrorKind {
  return classifyFacts(input, {
    table: CODE_TABLE,
    // The public endpoint is one host for every region: an unknown host is a network problem.
    regional: false,
    after: (code) =>
      code.startsWith('AccessDenied') || code.startsWith('Forbidden')
        ? 'permission_denied'
        : code.startsWith('InvalidAccessKey')
          ? 'auth_failed'
          : undefined,
  });
}

/** The facts of any thrown value: an API error from `ResponseMetadata`, a bad body, an axios/Node error. */
export function factsOf(err: unknown): ErrorFacts & { requestId?: string | undefined } {
  if (err instanceof VolcApiError) {
    const status = err.status ?? (SERVER_CODES.has(err.code) ? 503 : undefined);
    return {
      status,
      code: err.code,
      name: err.name,
      message: err.message,
      requestId: err.requestId,
    };
  }
  if (err instanceof VolcResponseError) {
    return { status: err.status, name: err.name, message: err.message };
  }
  if (!(err instanceof Error)) return { message: 'unexpected non-Error failure' };
  const e = err as Error & { code?: unknown; response?: { status?: unknown } };
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  return {
    status,
    code: typeof e.code === 'string' ? e.code : undefined,
    name: e.name,
    message: e.message,
  };
}

/** Drops what must never reach a log: AccessKey ids, signatures, credential scopes and signed URLs. */
export function scrubMessage(message: string): string {
  const clean = message
    .replace(/\bAKLT[A-Za-z0-9+/=_-]{8,}/g, '***')
    .replace(/Signature=[^&\s,]+/gi, 'Signature=***')
    .replace(/Credential=[^&\s,]+/gi, 'Credential=***')
    .replace(/https?:\/\/\S+/g, '<url>');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts);
  const named = facts.code ?? facts.name;
  const code = named === 'Error' || named === 'VolcResponseError' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'volcengine',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
