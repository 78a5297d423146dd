import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors/errors.js';
import { hostsOf } from './client.js';
import { checkedBase, credentialFor, isLoopbackHttp } from './credential.js';
import { AzureCredentialsSchema } from './spec.js';

const now = () => 1_000_000;

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
