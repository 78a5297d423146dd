/** AWS errors in each protocol's real shape and status (EC2 query, awsQuery, restJson1). */
import type { ErrorFault, Reply } from '../harness.js';
import type { VerifyFailure } from './sigv4.js';
import { ec2Error, queryError } from './xml.js';

export type AwsProtocol = 'ec2' | 'query' | 'rest-json';

/** An API error a handler throws; the server renders it in the protocol of the request. */
export class AwsApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'AwsApiError';
    this.status = status;
    this.code = code;
  }
}

interface ErrorShape {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

type ByProtocol = Readonly<Record<AwsProtocol, ErrorShape>>;

const INVALID_TOKEN = 'The security token included in the request is invalid.';

const AUTH_FAILURE: ByProtocol = {
  ec2: {
    status: 401,
    code: 'AuthFailure',
    message: 'AWS was not able to validate the provided access credentials',
  },
  query: { status: 403, code: 'InvalidClientTokenId', message: INVALID_TOKEN },
  'rest-json': { status: 403, code: 'UnrecognizedClientException', message: INVALID_TOKEN },
};

const EXPIRED_TOKEN: ByProtocol = {
  ec2: { status: 400, code: 'RequestExpired', message: 'Request has expired.' },
  query: {
    status: 403,
    code: 'ExpiredToken',
    message: 'The security token included in the request is expired',
  },
  'rest-json': {
    status: 403,
    code: 'ExpiredTokenException',
    message: 'The security token included in the request is expired',
  },
};

const MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const FAULTS: Readonly<Record<Exclude<ErrorFault, 'bad_gateway'>, ByProtocol>> = {
  throttle: {
    ec2: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
    query: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
    'rest-json': { status: 429, code: 'ThrottlingException', message: 'Rate exceeded' },
  },
  server_error: {
    ec2: { status: 500, code: 'InternalError', message: 'We encountered an internal error.' },
    query: { status: 500, code: 'InternalFailure', message: 'We encountered an internal error.' },
    'rest-json': {
      status: 500,
      code: 'ServerException',
      message: 'We encountered an internal error.',
    },
  },
  unavailable: {
    ec2: {
      status: 503,
      code: 'Unavailable',
      message: 'The server is overloaded and can not handle the request.',
    },
    query: {
      status: 503,
      code: 'ServiceUnavailable',
      message: 'The request has failed due to a temporary failure of the server.',
    },
    'rest-json': {
      status: 503,
      code: 'ServiceUnavailableException',
      message: 'The service is unavailable.',
    },
  },
  forbidden: {
    ec2: {
      status: 403,
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
    },
    query: { status: 403, code: 'AccessDenied', message: 'is not authorized to perform' },
    'rest-json': {
      status: 403,
      code: 'AccessDeniedException',
      message: 'is not authorized to perform',
    },
  },
  auth_failure: AUTH_FAILURE,
  region_disabled: AUTH_FAILURE,
  expired_token: EXPIRED_TOKEN,
};

const VERIFY: Readonly<Record<VerifyFailure, ByProtocol>> = {
  missing: {
    ec2: { status: 401, code: 'AuthFailure', message: 'Request is missing Authentication Token' },
    query: {
      status: 403,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    },
    'rest-json': {
      status: 403,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    },
  },
  malformed: {
    ec2: {
      status: 400,
      code: 'IncompleteSignature',
      message: 'The request signature is malformed.',
    },
    query: {
      status: 400,
      code: 'IncompleteSignature',
      message: 'The request signature is malformed.',
    },
    'rest-json': {
      status: 403,
      code: 'IncompleteSignatureException',
      message: 'The request signature is malformed.',
    },
  },
  unknown_key: AUTH_FAILURE,
  invalid_token: AUTH_FAILURE,
  expired_token: EXPIRED_TOKEN,
  mismatch: {
    ec2: { status: 403, code: 'SignatureDoesNotMatch', message: MISMATCH_MESSAGE },
    query: { status: 403, code: 'SignatureDoesNotMatch', message: MISMATCH_MESSAGE },
    'rest-json': { status: 403, code: 'InvalidSignatureException', message: MISMATCH_MESSAGE },
  },
  skewed: {
    ec2: { status: 400, code: 'RequestExpired', message: 'Request has expired.' },
    query: {
      status: 400,
      code: 'RequestExpired',
      message: 'Request timestamp is more than 15 minutes away from the server time.',
    },
    'rest-json': {
      status: 403,
      code: 'InvalidSignatureException',
      message: 'Signature expired: the request timestamp is more than 15 minutes away.',
    },
  },
};

export function faultError(
  kind: Exclude<ErrorFault, 'bad_gateway'>,
  protocol: AwsProtocol,
  who: { arn: string; permission: string },
): AwsApiError {
  const shape = FAULTS[kind][protocol];
  if (kind !== 'forbidden') return new AwsApiError(shape.status, shape.code, shape.message);
  const denied = `User: ${who.arn} is not authorized to perform: ${who.permission}`;
  const message = protocol === 'ec2' ? `${shape.message} ${denied}` : denied;
  return new AwsApiError(shape.status, shape.code, message);
}

export function verifyError(reason: VerifyFailure, protocol: AwsProtocol): AwsApiError {
  const shape = VERIFY[reason][protocol];
  return new AwsApiError(shape.status, shape.code, shape.message);
}

/** A request parameter the API rejects (page sizes, unknown ids). */
export function invalidParameter(protocol: AwsProtocol, message: string): AwsApiError {
  return protocol === 'rest-json'
    ? new AwsApiError(400, 'InvalidParameterException', message)
    : new AwsApiError(400, 'InvalidParameterValue', message);
}

export function renderError(
  protocol: AwsProtocol,
  namespace: string,
  err: AwsApiError,
  requestId: string,
): Reply {
  switch (protocol) {
    case 'ec2':
      return {
        status: err.status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body: ec2Error(err.code, err.message, requestId),
      };
    case 'query':
      return {
        status: err.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: queryError(
          namespace,
          err.status >= 500 ? 'Receiver' : 'Sender',
          err.code,
          err.message,
          requestId,
        ),
      };
    case 'rest-json':
      return {
        status: err.status,
        headers: {
          'content-type': 'application/json',
          'x-amzn-errortype': err.code,
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ message: err.message }),
      };
  }
}

export const BAD_GATEWAY: Reply = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
};
