/** ARM errors: `{error: {code, message}}` with the real statuses; AAD token errors in OAuth2 form. */
import type { ErrorFault, Reply } from '../harness.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function armError(status: number, code: string, message: string, requestId: string): Reply {
  return {
    status,
    headers: {
      'content-type': JSON_TYPE,
      'x-ms-request-id': requestId,
      'x-ms-failure-cause': 'gateway',
    },
    body: JSON.stringify({ error: { code, message } }),
  };
}

export function aadError(status: number, error: string, description: string): Reply {
  return {
    status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({
      error,
      error_description: description,
      error_codes: [Number(/\d+/.exec(description)?.[0] ?? 0)],
    }),
  };
}

export function jsonReply(body: unknown, requestId: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE, 'x-ms-request-id': requestId },
    body: JSON.stringify(body),
  };
}

/**
 * A harness fault as ARM answers it. Throttling is 429 with `Retry-After` (seconds, as ARM sends it) and
 * `retry-after-ms` (which the Azure SDK prefers), kept short so tests wait milliseconds.
 */
export function renderArmFault(kind: ErrorFault, op: string, requestId: string): Reply {
  switch (kind) {
    case 'throttle': {
      const reply = armError(
        429,
        'SubscriptionRequestsThrottled',
        'Number of read requests for subscription exceeded the limit of 12000 for time interval 01:00:00. Please try again after 1 second.',
        requestId,
      );
      return {
        ...reply,
        headers: { ...reply.headers, 'retry-after': '1', 'retry-after-ms': '20' },
      };
    }
    case 'server_error':
      return armError(500, 'InternalServerError', 'Encountered internal server error.', requestId);
    case 'bad_gateway':
      return armError(
        502,
        'BadGateway',
        'The gateway did not receive a response in time.',
        requestId,
      );
    case 'unavailable':
      return armError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable.',
        requestId,
      );
    case 'forbidden':
      return armError(
        403,
        'AuthorizationFailed',
        `The client does not have authorization to perform action '${op}' over scope '/subscriptions' or the scope is invalid.`,
        requestId,
      );
    case 'auth_failure':
      return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', requestId);
    case 'expired_token':
      return armError(
        401,
        'ExpiredAuthenticationToken',
        'The access token expiry UTC time is earlier than current UTC time.',
        requestId,
      );
    case 'region_disabled':
      return armError(
        400,
        'LocationNotAvailableForResourceType',
        `The provided location is not available for resource type of '${op}'.`,
        requestId,
      );
  }
}

/** A harness fault at the token endpoint, in AAD's form. */
export function renderAadFault(kind: ErrorFault): Reply {
  switch (kind) {
    case 'auth_failure':
    case 'expired_token':
    case 'forbidden':
      return aadError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    case 'throttle':
      return {
        ...aadError(
          429,
          'temporarily_unavailable',
          'AADSTS50196: The server terminated an operation because it encountered a client request loop.',
        ),
        headers: { 'retry-after-ms': '20' },
      };
    case 'server_error':
    case 'bad_gateway':
    case 'unavailable':
    case 'region_disabled':
      return aadError(
        503,
        'temporarily_unavailable',
        'AADSTS90033: A transient error has occurred.',
      );
  }
}
