import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountContext } from '../types.js';
import { BaiduClient, endpointFor } from './client.js';
import { classify, factsOf } from './errors.js';

const KEYS = { accessKeyId: 'ALTAKclienttest01', secretAccessKey: 'client-test-secret' };

/** The client reads only `endpoints` of its account context. */
const contextWith = (endpoints: Record<string, string>) =>
  ({ endpoints }) as unknown as AccountContext;

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A self-signed certificate for 127.0.0.1 (openssl CLI), or undefined when openssl is missing. */
function selfSigned(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'dfc-baidu-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return undefined;
  }
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  };
}

describe('baidu/client', () => {
  it('sends a signed request on a kept-alive connection, with the path prefix unsigned', async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"vpcs":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const client = new BaiduClient(
      contextWith({ vpc: `http://127.0.0.1:${port}/vpc/{region}` }),
      KEYS,
    );
    const body = await client.send(
      'vpc',
      'gz',
      { path: '/v1/vpc', params: { maxKeys: 5 } },
      AbortSignal.timeout(5_000),
    );
    expect(body).toEqual({ vpcs: [] });
    expect(seen[0]?.url).toBe('/vpc/gz/v1/vpc?maxKeys=5');
    expect(seen[0]?.headers.connection).toBe('keep-alive');
    expect(seen[0]?.headers.authorization).toMatch(
      /^bce-auth-v1\/ALTAKclienttest01\/[^/]+\/1800\/content-type;host;x-bce-date\/[0-9a-f]{64}$/,
    );
  });

  const tls = selfSigned();
  it.skipIf(tls === undefined)(
    'verifies TLS certificates although the SDK turns verification off per request',
    async () => {
      const server = createHttpsServer({ key: tls?.key, cert: tls?.cert }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closers.push(() => server.close());
      const { port } = server.address() as AddressInfo;
      const client = new BaiduClient(contextWith({ bcc: `https://127.0.0.1:${port}` }), KEYS);
      const err: unknown = await client
        .send('bcc', 'bj', { path: '/v2/zone' }, AbortSignal.timeout(5_000))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(factsOf(err).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(classify(factsOf(err))).toBe('network');
    },
  );

  it('aborts the request on the signal (the SDK has no timeout of its own)', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    const client = new BaiduClient(contextWith({ bcc: `http://127.0.0.1:${port}` }), KEYS);
    const err: unknown = await client
      .send('bcc', 'bj', { path: '/v2/zone' }, AbortSignal.timeout(100))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(factsOf(err).name).toBe('TimeoutError');
  });
});

describe('baidu/client endpointFor', () => {
  it('defaults to https regional hosts (VPC on the BCC host, SCS on redis.) and a global CSN', () => {
    expect(endpointFor({}, 'vpc', 'gz')).toBe('https://bcc.gz.baidubce.com');
    expect(endpointFor({}, 'scs', 'bj')).toBe('https://redis.bj.baidubce.com');
    expect(endpointFor({}, 'csn', 'bj')).toBe('https://csn.baidubce.com');
  });

  it('substitutes {region} in an override and keeps its scheme (https when it has none)', () => {
    expect(endpointFor({ bcc: 'http://127.0.0.1:9000/bcc/{region}/' }, 'bcc', 'su')).toBe(
      'http://127.0.0.1:9000/bcc/su',
    );
    expect(endpointFor({ rds: 'rds.{region}.example.internal' }, 'rds', 'bj')).toBe(
      'https://rds.bj.example.internal',
    );
  });
});
