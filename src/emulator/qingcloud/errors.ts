/** QingCloud API errors: HTTP 200 with `{action, ret_code, message}` (ret_code ≠ 0), as the real API answers. */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './verifier.js';

export class QingcloudFault extends Error {
  readonly retCode: number;
  readonly status: number;

  constructor(retCode: number, message: string, status = 200) {
    super(message);
    this.retCode = retCode;
    this.status = status;
  }
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function renderError(err: QingcloudFault, action: string): Reply {
  return {
    status: err.status,
    headers: { 'content-type': JSON_CONTENT_TYPE },
    body: JSON.stringify({
      action: `${action}Response`,
      ret_code: err.retCode,
      message: err.message,
    }),
  };
}

export function parameterError(message: string): QingcloudFault {
  return new QingcloudFault(1100, `InvalidParameter, ${message}`);
}

export function verifyError(reason: VerifyFailure, detail: string): QingcloudFault {
  switch (reason) {
    case 'missing_parameter':
      return parameterError(`parameter [${detail}] should not be empty`);
    case 'unsupported_method':
      return parameterError(`unsupported signature method or version [${detail}]`);
    case 'unknown_key':
      return new QingcloudFault(1200, 'AuthFailure, access key id is not found');
    case 'bad_signature':
      return new QingcloudFault(1200, 'AuthFailure, signature not matched');
    case 'bad_timestamp':
      return parameterError(`time_stamp [${detail}] is not in format YYYY-MM-DDThh:mm:ssZ`);
    case 'expired_timestamp':
      return new QingcloudFault(1300, `RequestExpired, time_stamp [${detail}] is expired`);
  }
}

/** The answer of each injected fault (bad_gateway is a bare 502 from the front proxy). */
export function faultError(
  kind: Exclude<ErrorFault, 'bad_gateway'>,
  action: string,
  zone: string,
): QingcloudFault {
  switch (kind) {
    case 'throttle':
      return new QingcloudFault(5100, 'ServerBusy, too many requests, please try again later');
    case 'server_error':
      return new QingcloudFault(5000, 'InternalError, the server encountered an internal error');
    case 'unavailable':
      return new QingcloudFault(
        5300,
        'ServiceUpdating, the service is being updated, please try again later',
      );
    case 'forbidden':
      return new QingcloudFault(
        1400,
        `PermissionDenied, you do not have permission to perform [${action}]`,
      );
    case 'auth_failure':
      return new QingcloudFault(1200, 'AuthFailure, signature not matched');
    case 'expired_token':
      return new QingcloudFault(1300, 'RequestExpired, the request has expired');
    case 'region_disabled':
      return new QingcloudFault(2100, `ResourceNotFound, zone [${zone}] is not available`);
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
};
