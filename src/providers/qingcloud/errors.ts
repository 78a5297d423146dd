import type { DeepflowCloudError } from '../../errors/errors.js';
import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/**
 * A QingCloud answer with `ret_code ≠ 0` (HTTP 200 and a JSON body `{ret_code, message}`), or an HTTP
 * failure without such a body. `status` is the HTTP status.
 */
export class QingcloudApiError extends Error {
  readonly retCode: number | undefined;
  readonly status: number;

  constructor(status: number, retCode: number | undefined, message: string) {
    super(message);
    this.name = 'QingcloudApiError';
    this.status = status;
    this.retCode = retCode;
  }
}

/**
 * QingCloud's documented `ret_code`s: 1100 parameter error, 1200 authentication failed, 1300 request
 * expired (time_stamp), 1400 permission denied, 2100 resource not found, 2400 balance not enough,
 * 2500 quota exceeded, 5000 internal error, 5100 server busy (throttling), 5200 resources not enough,
 * 5300 service being updated.
 */
const CODE_TABLE: CodeTable = [
  [new Set(['1200', '1300']), 'auth_failed'],
  [new Set(['1400']), 'permission_denied'],
  [new Set(['5100']), 'throttled'],
  // Node's fetch (undici) reports a dropped or stalled socket with these codes.
  [
    new Set([
      'UND_ERR_SOCKET',
      'UND_ERR_CLOSED',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
    ]),
    'network',
  ],
];

/** Codes of a failing or overloaded backend: retried like a 5xx. */
const SERVER_CODES: ReadonlySet<string> = new Set(['5000', '5200', '5300']);

/** Codes QingCloud answers an unknown or closed `zone` with (parameter error / not found, naming the zone). */
const ZONE_CODES: ReadonlySet<string> = new Set(['1100', '2100']);

export type QingcloudErrorFacts = ErrorFacts;

/** ret_code / HTTP status / Node code → our error kind. Pure; tested row by row. */
export function classify(input: QingcloudErrorFacts): ErrorKind {
  if (
    input.code !== undefined &&
    ZONE_CODES.has(input.code) &&
    /\bzone\b/i.test(input.message ?? '')
  ) {
    return 'region_unavailable';
  }
  return classifyFacts(input, { table: CODE_TABLE });
}

/** The facts of a thrown value: our `QingcloudApiError`, a fetch failure (`cause.code`) or anything else. */
export function factsOf(err: unknown): QingcloudErrorFacts {
  if (!(err instanceof Error)) return { message: String(err) };
  if (err instanceof QingcloudApiError) {
    const code = err.retCode === undefined ? undefined : String(err.retCode);
    // ret_code errors come with HTTP 200; a server-side code is still a 5xx for the retry layer.
    const status = code !== undefined && SERVER_CODES.has(code) ? 503 : err.status;
    return { status, code, name: err.name, message: err.message };
  }
  const cause = (err as Error & { cause?: { code?: unknown; message?: unknown } }).cause;
  const code =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof (err as Error & { code?: unknown }).code === 'string'
        ? ((err as Error & { code?: string }).code ?? undefined)
        : undefined;
  const detail =
    typeof cause?.message === 'string' ? `${err.message}: ${cause.message}` : err.message;
  return { code, name: err.name, message: detail };
}

/** Drops access key ids and signatures that a message could echo (a request URL carries both). */
export function scrubMessage(message: string): string {
  const clean = message
    .replace(/access_key_id=[^&\s]+/gi, 'access_key_id=***')
    .replace(/signature=[^&\s]+/gi, 'signature=***')
    .replace(/\?[^\s]*/g, '?…');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, HTTP status and ret_code. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts);
  const code = facts.code ?? (facts.name === 'Error' ? undefined : facts.name);
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code !== undefined ? `${code}: ${detail}` : detail, {
    provider: 'qingcloud',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    cause: err,
  });
}
