/** The emulator's Entra ID: the client-credentials token endpoint and the OpenID metadata MSAL reads. */
import type { Clock } from '../../transport/clock.js';
import type { EmulatorCredentials, RawRequest, RequestInfo, RouteResult } from '../harness.js';
import { aadError } from './errors.js';
import { EMULATOR_TENANT_ID } from './shape.js';
import { issueToken } from './token.js';

const ARM_BASE = 'https://management.azure.com';
const TOKEN_LIFETIME_S = 3600;

export interface LoginOptions {
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  /** The key tokens are signed with. */
  readonly key: string;
}

export function routeToken(req: RawRequest, o: LoginOptions): RouteResult {
  const tenant = req.path.split('/')[1] ?? '';
  const form = new URLSearchParams(req.body.toString('utf8'));
  const info: RequestInfo = {
    service: 'login',
    op: 'token',
    region: 'global',
    params: { tenant, grant_type: form.get('grant_type') ?? '' },
  };
  const reject = (status: number, error: string, description: string): RouteResult => ({
    kind: 'rejected',
    info,
    reply: aadError(status, error, description),
  });
  if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
    return reject(
      400,
      'unsupported_grant_type',
      'AADSTS70003: The app requested an unsupported grant type.',
    );
  }
  if (tenant !== EMULATOR_TENANT_ID)
    return reject(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
  if (form.get('client_id') !== o.credentials.accessKeyId) {
    return reject(
      400,
      'unauthorized_client',
      'AADSTS700016: Application was not found in the directory.',
    );
  }
  if (form.get('client_secret') !== o.credentials.secretAccessKey) {
    return reject(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
  }
  const now = Math.floor(o.clock.now() / 1000);
  const token = issueToken(o.key, {
    aud: ARM_BASE,
    tid: tenant,
    appid: o.credentials.accessKeyId,
    iat: now,
    exp: now + TOKEN_LIFETIME_S,
  });
  return {
    kind: 'routed',
    request: {
      ...info,
      hasPageToken: false,
      respond: () => ({
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          token_type: 'Bearer',
          expires_in: TOKEN_LIFETIME_S,
          ext_expires_in: TOKEN_LIFETIME_S,
          access_token: token,
        }),
      }),
    },
  };
}

/** The OpenID metadata MSAL reads before asking for a token (its endpoints on the host asked). */
export function routeMetadata(req: RawRequest): RouteResult {
  const tenant = req.path.split('/')[1] ?? '';
  const base = `https://${req.headers['host'] ?? '127.0.0.1'}/${tenant}`;
  const info: RequestInfo = {
    service: 'login',
    op: 'openid-configuration',
    region: 'global',
    params: { tenant },
  };
  return {
    kind: 'routed',
    request: {
      ...info,
      hasPageToken: false,
      respond: () => ({
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
          response_types_supported: ['code', 'token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid'],
          tenant_region_scope: 'NA',
        }),
      }),
    },
  };
}
