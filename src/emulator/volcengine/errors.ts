/**
 * Volcengine OpenAPI errors: HTTP status plus `ResponseMetadata.Error {CodeN, Code, Message}` in the usual
 * envelope (there is no `Result`). Throttling is `429 FlowLimitExceeded`.
 */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './verifier.js';

export class VolcEmulatorError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What every response's `ResponseMetadata` echoes. */
export interface Meta {
  readonly requestId: string;
  readonly action: string;
  readonly version: string;
  readonly service: string;
  readonly region: string;
}

export function metadata(meta: Meta): Record<string, string> {
  return {
    RequestId: meta.requestId,
    Action: meta.action,
    Version: meta.version,
    Service: meta.service,
    Region: meta.region,
  };
}

/** The numeric code Volcengine sends beside the string one. */
const CODE_N: Readonly<Record<number, number>> = {
  400: 100001,
  401: 100010,
  403: 100013,
  404: 100014,
  429: 100018,
  500: 100023,
  503: 100024,
};

export function renderError(err: VolcEmulatorError, meta: Meta): Reply {
  const body = {
    ResponseMetadata: {
      ...metadata(meta),
      Error: { CodeN: CODE_N[err.status] ?? 100000, Code: err.code, Message: err.message },
    },
  };
  return {
    status: err.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-tt-logid': meta.requestId },
    body: JSON.stringify(body),
  };
}

export function invalidParameter(message: string, code = 'InvalidParameter'): VolcEmulatorError {
  return new VolcEmulatorError(400, code, message);
}

export function notFound(code: string, what: string): VolcEmulatorError {
  return new VolcEmulatorError(404, code, `The specified ${what} is not found.`);
}

export function verifyError(reason: VerifyFailure): VolcEmulatorError {
  switch (reason) {
    case 'missing_authorization':
      return new VolcEmulatorError(401, 'MissingAuthenticationToken', 'Request is not signed.');
    case 'malformed_authorization':
      return new VolcEmulatorError(401, 'InvalidAuthorization', 'Authorization header is invalid.');
    case 'unknown_key':
      return new VolcEmulatorError(401, 'InvalidAccessKey', 'The AccessKey is invalid.');
    case 'bad_timestamp':
      return new VolcEmulatorError(401, 'InvalidTimestamp', 'X-Date is missing or invalid.');
    case 'expired_timestamp':
      return new VolcEmulatorError(401, 'InvalidTimestamp', 'The request has expired.');
    case 'bad_body_hash':
      return new VolcEmulatorError(
        401,
        'SignatureDoesNotMatch',
        'X-Content-Sha256 does not match the body.',
      );
    case 'bad_signature':
      return new VolcEmulatorError(
        401,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
  }
}

/** The error each injected fault answers with (bad_gateway is a bare 502 page from the gateway). */
export function faultError(
  kind: Exclude<ErrorFault, 'bad_gateway'>,
  op: string,
): VolcEmulatorError {
  switch (kind) {
    case 'throttle':
      return new VolcEmulatorError(
        429,
        'FlowLimitExceeded',
        'Request is throttled by flow control: too many requests.',
      );
    case 'server_error':
      return new VolcEmulatorError(500, 'InternalError', 'We encountered an internal error.');
    case 'unavailable':
      return new VolcEmulatorError(
        503,
        'ServiceUnavailable',
        'Service is temporarily unavailable.',
      );
    case 'forbidden':
      return new VolcEmulatorError(
        403,
        'AccessDenied',
        `User is not authorized to perform: ${op} on resource.`,
      );
    case 'auth_failure':
      return new VolcEmulatorError(
        401,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    case 'expired_token':
      return new VolcEmulatorError(401, 'InvalidCredential', 'The credential has expired.');
    case 'region_disabled':
      return new VolcEmulatorError(
        400,
        'InvalidRegion',
        'The specified region does not exist or is not open to the account.',
      );
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
};
