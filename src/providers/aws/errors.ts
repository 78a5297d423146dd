import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/** What `classify` reads of a failure: HTTP status, AWS error code / Node error code, name, message. */
export type AwsErrorFacts = ErrorFacts;

export interface ClassifyOptions {
  /**
   * True for a regional call made after `connect` succeeded. AWS answers a call to a region that is not
   * enabled (opted in) for the account with an authentication error, although the same keys just worked
   * in the default region (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
   */
  readonly regional?: boolean;
}

const AUTH_CODES = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'IncompleteSignature',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);

/** Authentication codes that mean "region not enabled" once the keys are known to be good. */
const DISABLED_REGION_AUTH_CODES = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);

const PERMISSION_CODES = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
]);

const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'EC2ThrottledException',
  'BandwidthLimitExceeded',
  'SlowDown',
  'PriorRequestNotComplete',
]);

const REGION_CODES = new Set(['OptInRequired', 'InvalidRegion', 'InvalidRegionId']);

/** Row by row: the first code (AWS code, Node code or error name) that a table knows decides. */
const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
  [REGION_CODES, 'region_unavailable'],
];

/**
 * AWS status/code → our error kind. Pure; the table is tested row by row. Codes win over statuses
 * (`503 RequestLimitExceeded` is throttling, `403 SignatureDoesNotMatch` is authentication).
 */
export function classify(input: AwsErrorFacts, options: ClassifyOptions = {}): ErrorKind {
  return classifyFacts(input, {
    table: CODE_TABLE,
    regional: options.regional,
    before: (code) =>
      options.regional === true && DISABLED_REGION_AUTH_CODES.has(code)
        ? 'region_unavailable'
        : undefined,
  });
}

/** The facts of any thrown value: an SDK ServiceException, a Node socket error or anything else. */
export function factsOf(err: unknown): AwsErrorFacts & { requestId?: string | undefined } {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & {
    code?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: number; requestId?: string };
  };
  // The SDK wraps an aborted request in an AbortError whose cause is the signal's reason: a timeout
  // (AbortSignal.timeout) is a network failure, anything else an interruption.
  if (e.name === 'AbortError' && e.cause instanceof Error && e.cause.name === 'TimeoutError') {
    return { name: 'TimeoutError', code: 'TimeoutError', message: e.cause.message };
  }
  const code = typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : e.name;
  return {
    status: e.$metadata?.httpStatusCode,
    code,
    name: e.name,
    message: e.message,
    requestId: e.$metadata?.requestId,
  };
}

/** Calls of `connect` and `listRegions`: an authentication error there really is one. */
function isAccountLevel(op: Operation): boolean {
  return op.service === 'sts' || (op.service === 'ec2' && op.action === 'DescribeRegions');
}

/**
 * Drops what must never reach a log or an output file: access key ids, signatures, credential scopes
 * and anything after "Canonical String" (some services echo the string-to-sign).
 */
export function scrubMessage(message: string): string {
  const cut = message.split(/canonical (request|string)|string-to-sign/i)[0] ?? '';
  const clean = cut
    .replace(/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '***')
    .replace(/Signature=[0-9a-f]+/gi, 'Signature=***')
    .replace(/Credential=[^,\s]+/gi, 'Credential=***');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts, { regional: !isAccountLevel(op) });
  // A bare `Error` names no code (parse failures, unexpected shapes).
  const named = facts.code ?? facts.name;
  const code = named === 'Error' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  const message =
    kind === 'region_unavailable' && code !== undefined && DISABLED_REGION_AUTH_CODES.has(code)
      ? `region ${region} is not enabled for this account (${code}: ${detail})`
      : code !== undefined
        ? `${code}: ${detail}`
        : detail;
  return errorOfKind(kind, message, {
    provider: 'aws',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
