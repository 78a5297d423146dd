import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/** What `classify` reads of a failure: HTTP status, Huawei `error_code` / `error.code` or Node code. */
export type HuaweiErrorFacts = ErrorFacts;

export interface ClassifyOptions {
  /** True for a call to a regional endpoint (an unknown host there means the service is not in the region). */
  readonly regional?: boolean;
}

/** API Gateway and IAM answers to a wrong, unknown, disabled or expired AK/SK. */
const AUTH_CODES = new Set([
  'APIGW.0301', // Incorrect IAM authentication information (bad signature, unknown AK)
  'APIGW.0303', // Incorrect app authentication information
  'APIGW.0305', // Incorrect authentication information
  'APIGW.0307', // The token must be updated (expired)
  'APIGW.0310', // The AK/SK is invalid or disabled
  'IAM.0001',
  'IAM.0011',
]);

/** API Gateway and service answers to an IAM policy that does not allow the action. */
const PERMISSION_CODES = new Set([
  'APIGW.0302', // The IAM user is not authorized to access the API
  'APIGW.0306', // API access denied
  'VPC.0003', // Policy doesn't allow the action (VPC, EIP)
  'PolicyNotAuthorized',
  'Forbidden',
]);

const THROTTLE_CODES = new Set([
  'APIGW.0308', // The throttling threshold has been reached
  'APIGW.0309',
  'Ecs.0006',
]);

/**
 * A project that exists but cannot be used (region not opened, project disabled), or an API not published in
 * that region's endpoint (`APIGW.0101`, 404).
 */
const REGION_CODES = new Set(['APIGW.0101', 'APIGW.0106', 'IAM.0004', 'ProjectNotFound']);

/** Row by row: the first code (Huawei code, Node code or error name) that a table knows decides. */
const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
  [REGION_CODES, 'region_unavailable'],
];

/** Huawei status/code → our error kind. Pure; the table is tested row by row. Codes win over statuses. */
export function classify(input: HuaweiErrorFacts, options: ClassifyOptions = {}): ErrorKind {
  return classifyFacts(input, {
    table: CODE_TABLE,
    regional: options.regional,
  });
}

/** A Node socket error code named in a message (`connect ECONNREFUSED 127.0.0.1:9`, `read ECONNRESET`). */
function nodeCodeIn(message: string | undefined): string | undefined {
  return /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/.exec(message ?? '')?.[1];
}

/**
 * The facts of any thrown value: the SDK's `ServiceResponseException` family (`httpStatusCode`, `errorCode`,
 * `errorMsg`, `requestId`), an abort/timeout reason, or anything else. The SDK drops the Node error code of a
 * socket failure and keeps only axios's message, so the code is read back from the message.
 */
export function factsOf(err: unknown): HuaweiErrorFacts & { requestId?: string | undefined } {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    httpStatusCode?: unknown;
    errorCode?: unknown;
    errorMsg?: unknown;
    requestId?: unknown;
  };
  const message =
    typeof e.errorMsg === 'string'
      ? e.errorMsg
      : typeof e.message === 'string'
        ? e.message
        : undefined;
  const status = Number(e.httpStatusCode);
  // A failure after a 2xx/3xx status line (a body cut short, a reset mid-stream) is the transport's, not the API's.
  const midBody =
    Number.isInteger(status) && status < 400 && /abort|reset|hang up|ECONN/i.test(message ?? '');
  const hasStatus = Number.isInteger(status) && status >= 100 && !midBody;
  const code =
    typeof e.errorCode === 'string' && e.errorCode !== ''
      ? e.errorCode
      : typeof e.code === 'string'
        ? e.code
        : hasStatus
          ? undefined
          : (nodeCodeIn(message) ?? (midBody ? 'ECONNRESET' : undefined));
  return {
    status: hasStatus ? status : undefined,
    code,
    name: typeof e.name === 'string' ? e.name : undefined,
    message,
    requestId: typeof e.requestId === 'string' && e.requestId !== '' ? e.requestId : undefined,
  };
}

/** Drops what must never reach a log or an output file: AKs, signatures and Authorization headers. */
export function scrubMessage(message: string): string {
  const clean = message
    .replace(/SDK-HMAC-SHA256[^\n]*/gi, 'SDK-HMAC-SHA256 ***')
    .replace(/Access=[^,\s]+/gi, 'Access=***')
    .replace(/Signature=[^,\s&]+/gi, 'Signature=***')
    .replace(/X-Auth-Token[^\n,]*/gi, 'X-Auth-Token ***');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts, { regional: op.service !== 'iam' });
  const named = facts.code ?? facts.name;
  const code =
    named === 'Error' || named === 'ServiceResponseException' || named === 'ClientRequestException'
      ? undefined
      : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'huawei',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
