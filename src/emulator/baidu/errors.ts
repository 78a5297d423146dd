/** BCE errors: the JSON body `{code, message, requestId}`, the `x-bce-request-id` header, real statuses. */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './verifier.js';

export class BceApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function renderError(err: BceApiError, requestId: string): Reply {
  return {
    status: err.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-bce-request-id': requestId },
    body: JSON.stringify({ code: err.code, message: err.message, requestId }),
  };
}

export const invalidParameter = (message: string): BceApiError =>
  new BceApiError(400, 'InvalidParameterValue', message);

export const notFound = (what: string): BceApiError =>
  new BceApiError(404, 'NoSuchObject', `The specified ${what} does not exist.`);

export function verifyError(reason: VerifyFailure, detail: string): BceApiError {
  switch (reason) {
    case 'missing_header':
    case 'malformed_header':
      return new BceApiError(
        400,
        'InvalidHTTPAuthHeader',
        `The Authorization header you provided is invalid (${detail}).`,
      );
    case 'unknown_key':
      return new BceApiError(
        403,
        'InvalidAccessKeyId',
        'The Access Key ID you provided does not exist.',
      );
    case 'bad_signature':
      return new BceApiError(
        400,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    case 'skewed':
      return new BceApiError(
        403,
        'RequestTimeTooSkewed',
        `The difference between the request time (${detail}) and the server's time is too large.`,
      );
    case 'expired':
      return new BceApiError(
        400,
        'RequestExpired',
        `Request has expired. Timestamp date is ${detail}.`,
      );
  }
}

/** The harness's error faults as BCE answers them. */
export function faultError(kind: Exclude<ErrorFault, 'bad_gateway'>): BceApiError {
  switch (kind) {
    case 'throttle':
      return new BceApiError(429, 'RequestRateLimitExceeded', 'Request rate limit exceeded.');
    case 'server_error':
      return new BceApiError(
        500,
        'InternalError',
        'We encountered an internal error. Please try again.',
      );
    case 'unavailable':
      return new BceApiError(503, 'ServiceUnavailable', 'Service is temporarily unavailable.');
    case 'forbidden':
      return new BceApiError(403, 'AccessDenied', 'Access denied.');
    case 'auth_failure':
      return new BceApiError(
        403,
        'InvalidAccessKeyId',
        'The Access Key ID you provided does not exist.',
      );
    case 'expired_token':
      return new BceApiError(400, 'RequestExpired', 'Request has expired.');
    case 'region_disabled':
      return new BceApiError(
        403,
        'OptInRequired',
        'A subscription for the service is required in this region.',
      );
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>',
};
