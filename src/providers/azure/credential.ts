/**
 * How the account authenticates: a service principal secret (ClientSecretCredential against the cloud's
 * login host), a bearer token given in the config (`access_token`), or the SDK's default chain. A plain-http
 * login endpoint is accepted only on a loopback address (the built-in emulator): there a minimal
 * client-credentials grant is sent with `fetch`, because @azure/identity refuses a non-https authority.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ConfigError } from '../../errors/errors.js';
import { registerSecret } from '../../log/logger.js';
import { transport } from '../../transport/agents.js';
import type { AzureCredentials } from './spec.js';
import { CLOUD_HOSTS } from './spec.js';
import { identitySdk } from './sdk.js';

const { ClientSecretCredential, DefaultAzureCredential } = identitySdk;

const KNOWN_AUTHORITIES: ReadonlySet<string> = new Set(
  Object.values(CLOUD_HOSTS).map((h) => h.login),
);

/** Token requests go through our transport too (CA, proxies), as ARM requests do. */
const TRANSPORT_POLICY: PipelinePolicy = {
  name: 'deepflowTransport',
  sendRequest: (request, next) => {
    request.agent = transport().agentFor(request.url);
    return next(request);
  },
};

/** A token given in the config never expires as far as the SDK is concerned (it is used as is). */
const STATIC_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for an `http://` URL on a loopback address (the only place plain http is allowed). */
export function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}

/** An https base URL as given, or a loopback http one; anything else is a config error. */
export function checkedBase(url: string, path: string): string {
  const base = url.replace(/\/+$/, '');
  if (base.startsWith('https://') || isLoopbackHttp(base)) return base;
  throw new ConfigError(path, 'must be an https:// URL (plain http only on a loopback address)');
}

/** The `access_token` credential: the token as configured. */
export function staticTokenCredential(token: string, now: () => number): TokenCredential {
  return {
    getToken: () =>
      Promise.resolve({ token, expiresOnTimestamp: now() + STATIC_TOKEN_LIFETIME_MS }),
  };
}

/** The token endpoint's JSON body; an unparseable one is treated as empty (the status decides). */
function parseBody(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

interface AadErrorBody {
  error?: string | undefined;
  error_description?: string | undefined;
}

/** An AAD token-endpoint failure shaped like @azure/identity's AuthenticationError (classified alike). */
class AadTokenError extends Error {
  readonly statusCode: number;
  readonly errorResponse: { error: string; errorDescription: string };
  constructor(status: number, body: AadErrorBody) {
    const error = body.error ?? 'invalid_request';
    const description = body.error_description ?? `token endpoint answered ${status}`;
    super(`${error}: ${description}`);
    this.name = 'AuthenticationError';
    this.statusCode = status;
    this.errorResponse = { error, errorDescription: description };
  }
}

/** OAuth2 client-credentials grant against `<login>/<tenant>/oauth2/v2.0/token` (loopback emulator only). */
export function loopbackSecretCredential(
  login: string,
  tenantId: string,
  clientId: string,
  secret: string,
  now: () => number,
): TokenCredential {
  let cached: AccessToken | undefined;
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions) {
      if (cached !== undefined && cached.expiresOnTimestamp > now() + 60_000) return cached;
      const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes;
      const res = await fetch(`${login}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: secret,
          scope,
        }).toString(),
        ...(options?.abortSignal === undefined
          ? {}
          : { signal: options.abortSignal as AbortSignal }),
      });
      const body = parseBody(await res.text());
      if (!res.ok) {
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        throw new AadTokenError(res.status, {
          error: str(body['error']),
          error_description: str(body['error_description']),
        });
      }
      const token = body['access_token'];
      const expiresIn = Number(body['expires_in'] ?? 3600);
      if (typeof token !== 'string' || token === '') {
        throw new AadTokenError(res.status, { error: 'invalid_response' });
      }
      registerSecret(token);
      cached = { token, expiresOnTimestamp: now() + expiresIn * 1000 };
      return cached;
    },
  };
}

/** The credential of an account (DESIGN §3): secret, configured token, or the default chain. */
export function credentialFor(
  creds: AzureCredentials,
  login: string,
  now: () => number,
): TokenCredential {
  if (creds.access_token !== undefined) return staticTokenCredential(creds.access_token, now);
  const { tenant_id: tenant, client_id: client, client_secret: secret } = creds;
  if (secret !== undefined && tenant !== undefined && client !== undefined) {
    if (isLoopbackHttp(login)) return loopbackSecretCredential(login, tenant, client, secret, now);
    return new ClientSecretCredential(tenant, client, secret, {
      authorityHost: login,
      // A private authority (an `endpoints.login` override) is not in MSAL's list of known clouds.
      disableInstanceDiscovery: !KNOWN_AUTHORITIES.has(login),
      additionalPolicies: [{ policy: TRANSPORT_POLICY, position: 'perRetry' }],
    });
  }
  return new DefaultAzureCredential({
    authorityHost: login,
    additionalPolicies: [{ policy: TRANSPORT_POLICY, position: 'perRetry' }],
    ...(tenant === undefined ? {} : { tenantId: tenant }),
    ...(client === undefined ? {} : { managedIdentityClientId: client }),
  });
}
