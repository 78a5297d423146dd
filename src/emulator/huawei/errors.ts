/**
 * Huawei error bodies. The API gateway (APIG) answers authentication, throttling and routing failures with
 * `{error_code, error_msg, request_id}` (`APIGW.0301`, `APIGW.0308`, `APIGW.0101`); behind it ECS and IAM use
 * `{error: {code, message}}` and VPC, EIP, NAT, ELB, RDS and DCS `{error_code, error_msg}`.
 */
import type { ErrorFault, Reply } from '../harness.js';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export class HuaweiApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** `gateway`: an APIG answer; `service`: the service's own format. */
  readonly origin: 'gateway' | 'service';

  constructor(
    status: number,
    code: string,
    message: string,
    origin: 'gateway' | 'service' = 'service',
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.origin = origin;
  }
}

/** Services whose own errors are `{error: {code, message}}`. */
const NESTED = new Set(['ecs', 'iam']);

export function renderError(err: HuaweiApiError, service: string, requestId: string): Reply {
  const body =
    err.origin === 'service' && NESTED.has(service)
      ? { error: { code: err.code, message: err.message }, request_id: requestId }
      : { error_code: err.code, error_msg: err.message, request_id: requestId };
  return {
    status: err.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-request-id': requestId },
    body: JSON.stringify(body),
  };
}

/** The service code of a policy denial (each service checks its own IAM actions). */
const DENIED: Readonly<Record<string, string>> = {
  ecs: 'Ecs.0319',
  iam: 'IAM.0003',
  vpc: 'VPC.0003',
  eip: 'VPC.0003',
  nat: 'NAT.0003',
  elb: 'ELB.1000',
  rds: 'DBS.200002',
  dcs: 'DCS.4900',
};

export function faultError(
  kind: Exclude<ErrorFault, 'bad_gateway'>,
  service: string,
  op: string,
): HuaweiApiError {
  switch (kind) {
    case 'throttle':
      return new HuaweiApiError(
        429,
        'APIGW.0308',
        'The throttling threshold has been reached: policy user over ratelimit',
        'gateway',
      );
    case 'server_error':
      return new HuaweiApiError(
        500,
        `${service.toUpperCase()}.0500`,
        'We encountered an internal error.',
      );
    case 'unavailable':
      return new HuaweiApiError(
        503,
        'APIGW.0202',
        'The service is unavailable. Try again later.',
        'gateway',
      );
    case 'forbidden':
      return new HuaweiApiError(
        403,
        DENIED[service] ?? 'APIGW.0302',
        `Policy doesn't allow ${service}:${op} to be performed.`,
      );
    case 'auth_failure':
      return authError('verify aksk signature fail');
    case 'expired_token':
      return new HuaweiApiError(401, 'APIGW.0307', 'The token must be updated.', 'gateway');
    case 'region_disabled':
      return new HuaweiApiError(
        404,
        'APIGW.0101',
        'The API does not exist or has not been published in the environment',
        'gateway',
      );
  }
}

export function authError(detail: string): HuaweiApiError {
  return new HuaweiApiError(
    401,
    'APIGW.0301',
    `Incorrect IAM authentication information: ${detail}`,
    'gateway',
  );
}

export function badRequest(code: string, message: string): HuaweiApiError {
  return new HuaweiApiError(400, code, message);
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
};
