import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/** What `classify` reads of a failure: HTTP status, Aliyun `Code` or Node error code, error name. */
export type AliyunErrorFacts = ErrorFacts;

export interface ClassifyOptions {
  /** True for a call to a regional endpoint (an unknown host there means the product is not in the region). */
  readonly regional?: boolean;
}

const AUTH_CODES = new Set([
  'InvalidAccessKeyId',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidAccessKeySecret',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'Forbidden.AccessKeyDisabled',
  'InvalidTimeStamp.Expired',
]);

const PERMISSION_CODES = new Set([
  'Forbidden',
  'Forbidden.RAM',
  'Forbidden.NoPermission',
  'Forbidden.Unauthorized',
  'Forbidden.SubUser',
  'NoPermission',
  'NoPermission.Operation',
  'Unauthorized',
]);

const THROTTLE_CODES = new Set([
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'Throttling.Tps',
  'Throttling.Concurrent',
  'ServiceUnavailable.Throttling',
  'RequestLimitExceeded',
]);

const REGION_CODES = new Set([
  'InvalidRegionId',
  'InvalidRegionId.NotFound',
  'InvalidRegionId.Malformed',
  'UnsupportedRegion',
  'Region.NotSupported',
  'RegionNotSupported',
  'InvalidRegion.NotExist',
  'InvalidRegion.NotSupport',
  'Region.NotOpen',
  'OperationDenied.RegionNotOpen',
  'Forbidden.RegionNotOpen',
]);

/** Codes Aliyun answers on an overloaded or failing backend; retried as a 5xx. */
export const SERVER_CODES = new Set([
  'ServiceUnavailable',
  'InternalError',
  'UnknownError',
  'ServiceUnavailable.Timeout',
]);

/** Row by row: the first code (Aliyun code, Node code or error name) that a table knows decides. */
const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [REGION_CODES, 'region_unavailable'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
];

/**
 * Aliyun status/code → our error kind. Pure; the table is tested row by row. Codes win over statuses
 * (`400 Throttling.User` is throttling, `404 InvalidAccessKeyId.NotFound` is authentication).
 */
export function classify(input: AliyunErrorFacts, options: ClassifyOptions = {}): ErrorKind {
  return classifyFacts(input, {
    table: CODE_TABLE,
    regional: options.regional,
    after: (code) =>
      code.startsWith('Throttling')
        ? 'throttled'
        : code.startsWith('Forbidden.RAM') || code.startsWith('NoPermission')
          ? 'permission_denied'
          : undefined,
  });
}

/** The facts of any thrown value: a pop-core `<Code>Error`, an httpx/Node socket error or anything else. */
export function factsOf(err: unknown): AliyunErrorFacts & { requestId?: string | undefined } {
  if (!(err instanceof Error)) return nonErrorFacts(err);
  const e = err as Error & {
    code?: unknown;
    data?: { Code?: unknown; Message?: unknown; RequestId?: unknown };
    entry?: { response?: { statusCode?: unknown } | null };
  };
  const code =
    typeof e.data?.Code === 'string'
      ? e.data.Code
      : typeof e.code === 'string'
        ? e.code
        : undefined;
  const statusCode = e.entry?.response?.statusCode;
  const bodyMessage = typeof e.data?.Message === 'string' ? e.data.Message : undefined;
  let status = typeof statusCode === 'number' ? statusCode : undefined;
  // pop-core ignores the HTTP status; a server-side code without one is still a 5xx.
  if (status === undefined && code !== undefined && SERVER_CODES.has(code)) status = 503;
  return {
    status,
    code,
    name: e.name,
    message: bodyMessage ?? e.message,
    requestId: typeof e.data?.RequestId === 'string' ? e.data.RequestId : undefined,
  };
}

/**
 * pop-core parses bodies with json-bigint, which throws a plain `{name: 'SyntaxError', message, text}` object,
 * not an Error, and pop-core drops the HTTP status. A gateway's HTML error page (`502 Bad Gateway` from
 * Tengine) is recognised by its title so that a 5xx stays retryable; any other unparseable body is a
 * non-retryable `provider_error`. The body text itself is never kept.
 */
function nonErrorFacts(err: unknown): AliyunErrorFacts {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const o = err as { name?: unknown; message?: unknown; text?: unknown };
  if (o.name !== 'SyntaxError') return { message: 'unexpected non-Error failure' };
  const text = typeof o.text === 'string' ? o.text.slice(0, 512) : '';
  const gateway = /<title>\s*(5\d\d)\b/i.exec(text);
  const status = gateway?.[1] === undefined ? undefined : Number(gateway[1]);
  return {
    name: 'SyntaxError',
    status,
    message:
      status === undefined
        ? 'response body is not JSON'
        : `HTTP ${status} from a gateway (HTML error page)`,
  };
}

/**
 * Drops what must never reach a log or an output file: AccessKey ids, signatures, the request URL pop-core
 * appends (a GET URL carries the signed query) and any echoed string-to-sign.
 */
export function scrubMessage(message: string): string {
  const cut = message.split(/, URL: |string ?to ?sign|stringtosign/i)[0] ?? '';
  const clean = cut
    .replace(/\bLTAI[A-Za-z0-9]{8,}\b/g, '***')
    .replace(/AccessKeyId=[^&\s]+/gi, 'AccessKeyId=***')
    .replace(/Signature=[^&\s]+/gi, 'Signature=***');
  return clampMessage(clean);
}

/** Calls made against the central endpoint (region list, resource groups, CEN). */
function isCentral(op: Operation): boolean {
  return (
    op.service === 'cbn' ||
    op.service === 'resourcemanager' ||
    (op.service === 'ecs' && op.action === 'DescribeRegions')
  );
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts, { regional: !isCentral(op) });
  const named = facts.code ?? facts.name;
  const code = named === 'Error' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'aliyun',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
