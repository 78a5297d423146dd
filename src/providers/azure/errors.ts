import type { CodeTable, ErrorFacts } from '../../errors/classify.js';
import { classifyFacts, clampMessage } from '../../errors/classify.js';
import type { DeepflowCloudError } from '../../errors/errors.js';
import { errorOfKind } from '../../errors/errors.js';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';

/** What `classify` reads of a failure: HTTP status, ARM / AAD error code, error name, message. */
export type AzureErrorFacts = ErrorFacts;

const AUTH_CODES = new Set([
  'InvalidAuthenticationToken',
  'ExpiredAuthenticationToken',
  'AuthenticationFailed',
  'InvalidAuthenticationTokenTenant',
  'InvalidAuthenticationTokenAudience',
  // A subscription the principal cannot see is answered as not found (a typo looks the same).
  'SubscriptionNotFound',
  'InvalidSubscriptionId',
  // AAD token endpoint (OAuth2 error codes) and @azure/identity's error names.
  'invalid_client',
  'unauthorized_client',
  'invalid_grant',
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'AggregateAuthenticationError',
]);

const PERMISSION_CODES = new Set([
  'AuthorizationFailed',
  'LinkedAuthorizationFailed',
  'Forbidden',
  'RequestDisallowedByPolicy',
]);

const THROTTLE_CODES = new Set([
  'TooManyRequests',
  'SubscriptionRequestsThrottled',
  'ResourceCollectionRequestsThrottled',
  'ResourceRequestsThrottled',
  'TenantRequestsThrottled',
  'RetryableError',
]);

/** The resource type is not offered where asked, or its provider is not registered in the subscription. */
const REGION_CODES = new Set([
  'NoRegisteredProviderFound',
  'LocationNotAvailableForResourceType',
  'MissingSubscriptionRegistration',
  'SubscriptionNotRegistered',
]);

const CODE_TABLE: CodeTable = [
  [AUTH_CODES, 'auth_failed'],
  [PERMISSION_CODES, 'permission_denied'],
  [THROTTLE_CODES, 'throttled'],
  [REGION_CODES, 'region_unavailable'],
];

/** AAD error descriptions start with an `AADSTS<n>` code: 7000215 invalid secret, 700016 unknown app, ... */
const AADSTS = /\bAADSTS(\d+)\b/;
const AADSTS_THROTTLED = new Set(['50196', '90055']);

/**
 * ARM / AAD status and code → our error kind. Pure; tested row by row. Codes win over statuses; an
 * `InvalidAuthenticationToken*` code and any `AADSTS` description are authentication failures.
 */
export function classify(input: AzureErrorFacts): ErrorKind {
  // MSAL could not fetch the authority's metadata: DNS, TLS or a proxy failed, not the credential.
  if ((input.message ?? '').includes('endpoints_resolution_error')) return 'network';
  const sts = AADSTS.exec(input.message ?? '')?.[1];
  if (sts !== undefined) return AADSTS_THROTTLED.has(sts) ? 'throttled' : 'auth_failed';
  return classifyFacts(input, {
    table: CODE_TABLE,
    after: (code) => (code.startsWith('InvalidAuthenticationToken') ? 'auth_failed' : undefined),
  });
}

interface AzureLikeError {
  code?: unknown;
  statusCode?: unknown;
  status?: unknown;
  errorResponse?: { error?: unknown; errorDescription?: unknown };
  response?: { headers?: { get?(name: string): string | undefined } };
  details?: { error?: { code?: unknown } };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The facts of any thrown value: a core RestError, an identity AuthenticationError, a socket error. */
export function factsOf(err: unknown): AzureErrorFacts & { requestId?: string | undefined } {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & AzureLikeError;
  if (e.name === 'AbortError' && e.cause instanceof Error && e.cause.name === 'TimeoutError') {
    return { name: 'TimeoutError', code: 'TimeoutError', message: e.cause.message };
  }
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.status === 'number'
        ? e.status
        : undefined;
  // A RestError whose body did not parse has the code REQUEST_SEND_ERROR / PARSE_ERROR (no ARM code).
  const code = str(e.code) ?? str(e.errorResponse?.error) ?? str(e.details?.error?.code);
  const description = str(e.errorResponse?.errorDescription);
  const headers = e.response?.headers;
  const requestId =
    typeof headers?.get === 'function'
      ? (headers.get('x-ms-request-id') ?? headers.get('x-ms-correlation-request-id'))
      : undefined;
  return {
    status,
    code,
    name: e.name,
    message: description ?? e.message,
    requestId,
  };
}

/** Drops bearer tokens, client secrets and assertion values that a message might echo. */
export function scrubMessage(message: string): string {
  const clean = message
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer ***')
    .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '***')
    .replace(/(client_secret|client_assertion|access_token)=[^&\s]+/gi, '$1=***');
  return clampMessage(clean);
}

/** Any thrown value → our typed error with provider, region, operation, status, code and request id. */
export function classifyError(err: unknown, op: Operation, region: string): DeepflowCloudError {
  const facts = factsOf(err);
  const kind = classify(facts);
  const named = facts.code ?? facts.name;
  const code = named === 'Error' || named === 'RestError' ? undefined : named;
  const detail = scrubMessage(facts.message ?? '') || 'no message';
  return errorOfKind(kind, code === undefined ? detail : `${code}: ${detail}`, {
    provider: 'azure',
    region,
    operation: `${op.service}:${op.action}`,
    httpStatus: facts.status,
    providerCode: code,
    requestId: facts.requestId,
    cause: err,
  });
}
