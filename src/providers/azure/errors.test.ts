import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { azureOperation } from './common.js';
import type { AzureErrorFacts } from './errors.js';
import { classify, classifyError, scrubMessage } from './errors.js';

const ROWS: [string, AzureErrorFacts, ErrorKind][] = [
  ['AuthorizationFailed', { status: 403, code: 'AuthorizationFailed' }, 'permission_denied'],
  [
    'LinkedAuthorizationFailed',
    { status: 403, code: 'LinkedAuthorizationFailed' },
    'permission_denied',
  ],
  ['bare 403', { status: 403 }, 'permission_denied'],
  [
    'InvalidAuthenticationToken',
    { status: 401, code: 'InvalidAuthenticationToken' },
    'auth_failed',
  ],
  [
    'InvalidAuthenticationTokenTenant',
    { status: 401, code: 'InvalidAuthenticationTokenTenant' },
    'auth_failed',
  ],
  [
    'any InvalidAuthenticationToken*',
    { status: 401, code: 'InvalidAuthenticationTokenIssuer' },
    'auth_failed',
  ],
  [
    'ExpiredAuthenticationToken',
    { status: 401, code: 'ExpiredAuthenticationToken' },
    'auth_failed',
  ],
  ['AAD invalid_client', { status: 401, code: 'invalid_client' }, 'auth_failed'],
  [
    'AADSTS7000215 in a message',
    { status: 401, message: 'AADSTS7000215: Invalid client secret provided.' },
    'auth_failed',
  ],
  [
    'AADSTS50196 loop is throttling',
    { status: 429, message: 'AADSTS50196: client request loop' },
    'throttled',
  ],
  ['identity CredentialUnavailableError', { name: 'CredentialUnavailableError' }, 'auth_failed'],
  ['SubscriptionNotFound', { status: 404, code: 'SubscriptionNotFound' }, 'auth_failed'],
  ['bare 401', { status: 401 }, 'auth_failed'],
  ['429 with a code', { status: 429, code: 'SubscriptionRequestsThrottled' }, 'throttled'],
  ['bare 429', { status: 429 }, 'throttled'],
  [
    'NoRegisteredProviderFound',
    { status: 400, code: 'NoRegisteredProviderFound' },
    'region_unavailable',
  ],
  [
    'LocationNotAvailableForResourceType',
    { status: 400, code: 'LocationNotAvailableForResourceType' },
    'region_unavailable',
  ],
  [
    'MissingSubscriptionRegistration',
    { status: 409, code: 'MissingSubscriptionRegistration' },
    'region_unavailable',
  ],
  ['500', { status: 500, code: 'InternalServerError' }, 'provider_error'],
  ['socket reset', { code: 'ECONNRESET' }, 'network'],
  [
    'MSAL could not reach the authority',
    {
      name: 'CredentialUnavailableError',
      message: 'endpoints_resolution_error: See https://aka.ms',
    },
    'network',
  ],
  ['abort', { name: 'AbortError' }, 'aborted'],
  ['unparseable body', { status: 200, code: 'PARSE_ERROR' }, 'provider_error'],
];

describe('azure/errors', () => {
  it.each(ROWS)('%s', (_case, facts, expected) => {
    expect(classify(facts)).toBe(expected);
  });

  it('builds a typed error with code, status and request id, and never a token', () => {
    const err = Object.assign(new Error('Bearer eyJhbGciOi.eyJ0aWQiOi.c2lnbmF0dXJl rejected'), {
      name: 'RestError',
      code: 'AuthorizationFailed',
      statusCode: 403,
      response: {
        headers: { get: (n: string) => (n === 'x-ms-request-id' ? 'req-1' : undefined) },
      },
    });
    const op = azureOperation('natGateways.listAll', 'Microsoft.Network/natGateways/read', false);
    const e = classifyError(err, op, 'eastus');
    expect(e).toMatchObject({
      kind: 'permission_denied',
      httpStatus: 403,
      providerCode: 'AuthorizationFailed',
      requestId: 'req-1',
      operation: 'management:natGateways.listAll',
    });
    expect(e.message).not.toContain('eyJ');
  });

  it('reads an identity AuthenticationError', () => {
    const err = Object.assign(new Error('ClientSecretCredential authentication failed'), {
      name: 'AuthenticationError',
      statusCode: 401,
      errorResponse: {
        error: 'invalid_client',
        errorDescription: 'AADSTS7000215: Invalid client secret.',
      },
    });
    const e = classifyError(err, azureOperation('subscriptions.get', 'x', true), 'global');
    expect(e).toMatchObject({ kind: 'auth_failed', providerCode: 'invalid_client' });
    expect(e.message).toContain('AADSTS7000215');
  });

  it('scrubs secrets from form bodies and bearer headers', () => {
    expect(scrubMessage('client_secret=abc&client_id=x Authorization: Bearer tok.en')).toBe(
      'client_secret=***&client_id=x Authorization: Bearer ***',
    );
  });
});
