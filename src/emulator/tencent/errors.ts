/**
 * Tencent Cloud API 3.0 errors: HTTP 200 with `{"Response":{"Error":{"Code","Message"},"RequestId"}}`; only
 * the gateway in front answers with a real HTTP error status (502, 503).
 */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './verifier.js';

export class TencentApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export const JSON_CONTENT_TYPE = 'application/json';

export function renderError(err: TencentApiError, requestId: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-tc-requestid': requestId },
    body: JSON.stringify({
      Response: { Error: { Code: err.code, Message: err.message }, RequestId: requestId },
    }),
  };
}

export function invalidParameter(message: string, code = 'InvalidParameter'): TencentApiError {
  return new TencentApiError(code, message);
}

export function verifyError(reason: VerifyFailure, detail: string): TencentApiError {
  switch (reason) {
    case 'missing_authorization':
      return new TencentApiError('AuthFailure.SignatureFailure', 'The request has no signature.');
    case 'malformed_authorization':
      return new TencentApiError(
        'AuthFailure.InvalidAuthorization',
        `The Authorization header is not valid (${detail}).`,
      );
    case 'unknown_key':
      return new TencentApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
    case 'bad_timestamp':
      return new TencentApiError(
        'InvalidParameter',
        `The X-TC-Timestamp is not a Unix timestamp: ${detail}.`,
      );
    case 'expired_timestamp':
      return new TencentApiError(
        'AuthFailure.SignatureExpire',
        'The signature has expired: the request time differs from the server time by more than 5 minutes.',
      );
    case 'bad_signature':
      return new TencentApiError(
        'AuthFailure.SignatureFailure',
        'The provided credentials could not be validated. Please check your signature is correct.',
      );
  }
}

/** The error each injected fault answers with (bad_gateway and unavailable come from the gateway). */
export function faultError(
  kind: Exclude<ErrorFault, 'bad_gateway' | 'unavailable'>,
  op: string,
): TencentApiError {
  switch (kind) {
    case 'throttle':
      return new TencentApiError(
        'RequestLimitExceeded',
        'Your current request times equals to `20` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.',
      );
    case 'server_error':
      return new TencentApiError(
        'InternalError',
        'An internal error has occurred. Retry your request.',
      );
    case 'forbidden':
      return new TencentApiError(
        'UnauthorizedOperation',
        `You are not authorized to perform operation (${op}). Check CAM policies, and ensure that you are using the correct resources.`,
      );
    case 'auth_failure':
      return verifyError('bad_signature', 'signature');
    case 'expired_token':
      return new TencentApiError('AuthFailure.TokenFailure', 'The token has expired.');
    case 'region_disabled':
      return new TencentApiError('UnsupportedRegion', 'The API does not support this region.');
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>stgw</center></body></html>',
};

export const UNAVAILABLE: Reply = {
  status: 503,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>503 Service Unavailable</title></head><body><center><h1>503 Service Unavailable</h1></center><hr><center>stgw</center></body></html>',
};
