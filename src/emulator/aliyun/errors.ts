/** Aliyun OpenAPI errors: the JSON body `{RequestId, HostId, Code, Message, Recommend}` and real HTTP statuses. */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './verifier.js';

export class AliyunApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

export function renderError(err: AliyunApiError, requestId: string, host: string): Reply {
  const body = {
    RequestId: requestId,
    HostId: host,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${err.code}&product=emulator&requestId=${requestId}`,
  };
  return {
    status: err.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-acs-request-id': requestId },
    body: JSON.stringify(body),
  };
}

export function invalidParameter(message: string, code = 'InvalidParameter'): AliyunApiError {
  return new AliyunApiError(400, code, message);
}

export function verifyError(reason: VerifyFailure, detail: string): AliyunApiError {
  switch (reason) {
    case 'missing_parameter':
      return new AliyunApiError(
        400,
        `MissingParameter`,
        `The input parameter "${detail}" that is mandatory for processing this request is not supplied.`,
      );
    case 'unsupported_method':
      return new AliyunApiError(
        400,
        'InvalidSignatureMethod',
        `The signature method or version is not supported: ${detail}.`,
      );
    case 'unknown_key':
      return new AliyunApiError(
        404,
        'InvalidAccessKeyId.NotFound',
        'Specified access key is not found.',
      );
    case 'bad_signature':
      return new AliyunApiError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${detail}`,
      );
    case 'bad_timestamp':
      return new AliyunApiError(
        400,
        'InvalidTimeStamp.Format',
        `Specified time stamp or date value is not well formatted: ${detail}.`,
      );
    case 'expired_timestamp':
      return new AliyunApiError(
        400,
        'InvalidTimeStamp.Expired',
        `Specified time stamp or date value is expired: ${detail}.`,
      );
    case 'nonce_used':
      return new AliyunApiError(
        400,
        'SignatureNonceUsed',
        'Specified signature nonce was used already.',
      );
  }
}

/** The error each injected fault answers with (bad_gateway is a bare 502 from the gateway). */
export function faultError(kind: Exclude<ErrorFault, 'bad_gateway'>, op: string): AliyunApiError {
  switch (kind) {
    case 'throttle':
      return new AliyunApiError(
        400,
        'Throttling.User',
        'Request was denied due to user flow control.',
      );
    case 'server_error':
      return new AliyunApiError(
        500,
        'InternalError',
        'The request processing has failed due to some unknown error, exception or failure.',
      );
    case 'unavailable':
      return new AliyunApiError(
        503,
        'ServiceUnavailable',
        'The request has failed due to a temporary failure of the server.',
      );
    case 'forbidden':
      return new AliyunApiError(
        403,
        'Forbidden.RAM',
        `User not authorized to operate on the specified resource, or this API doesn't support RAM. (action: ${op})`,
      );
    case 'auth_failure':
      return new AliyunApiError(
        400,
        'SignatureDoesNotMatch',
        'Specified signature is not matched with our calculation.',
      );
    case 'expired_token':
      return new AliyunApiError(
        400,
        'InvalidSecurityToken.Expired',
        'Specified SecurityToken is expired.',
      );
    case 'region_disabled':
      return new AliyunApiError(
        400,
        'InvalidRegionId',
        'The specified region does not exist or is not supported by this account.',
      );
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>',
};
