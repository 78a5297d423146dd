import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors/errors.js';
import { asTransientTransportError, hostsOf } from './client.js';
import { azureOperation } from './common.js';
import { classifyError } from './errors.js';
import { checkedBase, credentialFor, isLoopbackHttp } from './credential.js';
import { identitySdk, pipelineSdk } from './sdk.js';
import { AzureCredentialsSchema } from './spec.js';

// The same (CommonJS) copies of the dual packages as the adapter loads.
const { ClientSecretCredential, DefaultAzureCredential } = identitySdk;
const { createPipelineRequest, RestError } = pipelineSdk;

const now = () => 1_000_000;
const LIST = azureOperation(
  'virtualNetworks.listAll',
  'Microsoft.Network/virtualNetworks/read',
  true,
);

describe('azure/client hosts', () => {
  it('uses the chosen cloud’s ARM and login hosts', () => {
    expect(hostsOf({ options: { cloud: 'china' }, endpoints: {} })).toEqual({
      management: 'https://management.chinacloudapi.cn',
      login: 'https://login.chinacloudapi.cn',
      scope: 'https://management.chinacloudapi.cn/.default',
    });
    expect(hostsOf({ options: {}, endpoints: {} }).management).toBe('https://management.azure.com');
  });

  it('uses an https endpoint as is, and redirects a loopback http one behind the cloud’s https URL', () => {
    expect(
      hostsOf({ options: {}, endpoints: { management: 'https://arm.example.net/' } }),
    ).toMatchObject({
      management: 'https://arm.example.net',
      scope: 'https://arm.example.net/.default',
    });
    expect(
      hostsOf({ options: { cloud: 'usgov' }, endpoints: { management: 'http://127.0.0.1:9000' } }),
    ).toMatchObject({
      management: 'https://management.usgovcloudapi.net',
      redirect: 'http://127.0.0.1:9000',
      scope: 'https://management.usgovcloudapi.net/.default',
    });
  });

  it('refuses plain http anywhere but loopback (bearer tokens and secrets would travel in clear)', () => {
    expect(() => checkedBase('http://arm.internal:80', 'endpoints.management')).toThrow(
      ConfigError,
    );
    expect(isLoopbackHttp('http://localhost:1')).toBe(true);
    expect(isLoopbackHttp('https://127.0.0.1:1')).toBe(false);
  });
});

describe('azure/credential', () => {
  it('uses ClientSecretCredential for a secret against an https authority', () => {
    const c = credentialFor(
      { tenant_id: 't', client_id: 'c', client_secret: 's' },
      'https://login.microsoftonline.com',
      now,
    );
    expect(c).toBeInstanceOf(ClientSecretCredential);
  });

  it('uses the default chain when no secret or token is configured', () => {
    expect(credentialFor({}, 'https://login.microsoftonline.com', now)).toBeInstanceOf(
      DefaultAzureCredential,
    );
  });

  it('passes a configured access token through as is', async () => {
    const c = credentialFor({ access_token: 'tok' }, 'https://login.microsoftonline.com', now);
    await expect(c.getToken('x')).resolves.toMatchObject({ token: 'tok' });
  });

  it('requires tenant and client ids with a secret, and rejects unknown keys', () => {
    expect(AzureCredentialsSchema.safeParse({ client_secret: 's' }).success).toBe(false);
    expect(AzureCredentialsSchema.safeParse({ access_token: 't' }).success).toBe(true);
    expect(AzureCredentialsSchema.safeParse({ access_token: 't', typo: 'x' }).success).toBe(false);
  });
});

describe('azure/client transient transport errors', () => {
  const request = createPipelineRequest({ url: 'https://management.azure.com/x' });
  const ctx = (aborted = false) => {
    const c = new AbortController();
    if (aborted) c.abort();
    return { signal: c.signal, requestTimeoutMs: 1500 };
  };
  const abortError = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
  const cut = new RestError('Error reading response as text: aborted', {
    code: RestError.PARSE_ERROR,
  });

  it('turns the abort of our per-attempt timeout into ETIMEDOUT, which the SDK retries', () => {
    const e = asTransientTransportError(abortError, request, ctx());
    expect(e).toMatchObject({ name: 'RestError', code: 'ETIMEDOUT' });
    expect(classifyError(e, LIST, 'eastus').kind).toBe('network');
  });

  it('turns a body cut by a reset into ECONNRESET, and keeps other parse errors', () => {
    expect(asTransientTransportError(cut, request, ctx())).toMatchObject({ code: 'ECONNRESET' });
    const bad = new RestError('Error "Unexpected token" occurred while parsing the response body', {
      code: RestError.PARSE_ERROR,
    });
    expect(asTransientTransportError(bad, request, ctx())).toBe(bad);
  });

  it('leaves an interrupted run’s abort alone', () => {
    expect(asTransientTransportError(abortError, request, ctx(true))).toBe(abortError);
    expect(asTransientTransportError(cut, request, ctx(true))).toBe(cut);
  });
});
