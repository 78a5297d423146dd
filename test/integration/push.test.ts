import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Inventory } from '../../src/model/index.js';
import { buildDeepflowDocument } from '../../src/push/deepflow-document.js';
import type { PushOptions, PushTarget } from '../../src/push/push.js';
import { preparePush, pushInventory } from '../../src/push/push.js';
import { deepflowUuid } from '../../src/push/uuid.js';
import { systemClock } from '../../src/transport/clock.js';
import type { PushServer } from '../helpers/deepflow-server.js';
import { startPushServer } from '../helpers/deepflow-server.js';
import { tempDir } from '../helpers/cli.js';
import { FAST_RETRY, emulatedAccount, syncAgainst } from '../helpers/sync.js';

const DOMAIN = '5e5e5e5e-0000-4000-8000-000000000001';
const TOKEN = 'push-token-integration-0123456789';
let inventory: Inventory;
let server: PushServer;

beforeAll(async () => {
  const em = await startEmulator('aws', { scale: 'tiny' });
  try {
    inventory = (await syncAgainst([emulatedAccount(em)])).inventory;
  } finally {
    await em.close();
  }
});
afterEach(async () => {
  await server.close();
});

const options = (o: Partial<PushOptions> = {}): PushOptions => ({
  previous: undefined,
  heartbeatMs: undefined,
  retry: FAST_RETRY,
  clock: systemClock,
  signal: new AbortController().signal,
  log: silentLogger,
  timeoutMs: 5_000,
  ...o,
});

const deepflow = (): PushTarget => ({
  url: server.url,
  kind: 'deepflow',
  orgId: 2,
  domainUuid: DOMAIN,
  token: undefined,
});

describe('push to DeepFlow (loopback server with DeepFlow validation)', () => {
  it('PUTs the whole document with X-Org-Id; the server validates and accepts it', async () => {
    server = await startPushServer({ domains: [DOMAIN] });
    const out = await pushInventory(inventory, deepflow(), options());
    expect(out).toMatchObject({ result: 'accepted', attempts: 1 });
    expect(server.pushes).toHaveLength(1);
    const [p] = server.pushes;
    expect(p).toMatchObject({
      method: 'PUT',
      path: '/v1/domain-additional-resources/',
      status: 200,
    });
    expect(p?.headers['x-org-id']).toBe('2');
    const doc = p?.body as Record<string, unknown[]>;
    expect(doc['vpcs']).toHaveLength(inventory.vpcs.length);
    expect(doc['chosts']).toHaveLength(inventory.vms.length);
    expect(doc['lbs']?.length).toBeGreaterThan(0);
    expect(doc['peer_connections']?.length).toBeGreaterThan(0);
    expect((doc['vpcs']?.[0] as { uuid: string }).uuid).toBe(deepflowUuid(inventory.vpcs[0]!.id));
  });

  it('builds the same document (same UUIDs) from the same inventory', () => {
    const a = buildDeepflowDocument(inventory, { domainUuid: DOMAIN }).document;
    const b = buildDeepflowDocument(structuredClone(inventory), { domainUuid: DOMAIN }).document;
    expect(a).toEqual(b);
    expect(preparePush(inventory, deepflow(), silentLogger).version).toBe(
      preparePush(
        { ...inventory, generated_at: '2030-01-01T00:00:00.000Z' },
        deepflow(),
        silentLogger,
      ).version,
    );
  });

  it('sends nothing when the version was already accepted, and a heartbeat once it is old', async () => {
    server = await startPushServer({ domains: [DOMAIN] });
    const { version } = preparePush(inventory, deepflow(), silentLogger);
    const previous = {
      url: server.url,
      kind: 'deepflow' as const,
      version,
      accepted_at: new Date().toISOString(),
    };
    const same = await pushInventory(inventory, deepflow(), options({ previous }));
    expect(same.result).toBe('unchanged');
    expect(server.pushes).toHaveLength(0);
    const old = { ...previous, accepted_at: '2020-01-01T00:00:00.000Z' };
    const beat = await pushInventory(
      inventory,
      deepflow(),
      options({ previous: old, heartbeatMs: 3_600_000 }),
    );
    expect(beat).toMatchObject({ result: 'accepted', heartbeat: true });
    expect(server.pushes).toHaveLength(1);
  });

  it('retries a 500 and a 429, then succeeds', async () => {
    server = await startPushServer({ domains: [DOMAIN] });
    server.failNext.push(500, 429);
    const out = await pushInventory(
      inventory,
      deepflow(),
      options({ retry: { ...FAST_RETRY, maxAttempts: 4 } }),
    );
    expect(out).toMatchObject({ result: 'accepted', attempts: 3 });
    expect(server.pushes.map((p) => p.status)).toEqual([500, 429, 200]);
  });

  it('fails without retrying when the server refuses (OPT_STATUS not SUCCESS)', async () => {
    server = await startPushServer({ domains: [DOMAIN] });
    server.refuse = 'INVALID_PARAMETERS';
    const out = await pushInventory(inventory, deepflow(), options());
    expect(out.result).toBe('failed');
    expect(out.message).toContain('HTTP 400 INVALID_PARAMETERS: refused by test');
    expect(server.pushes).toHaveLength(1);
  });

  it('is refused by the server for an unknown domain (its own validation)', async () => {
    server = await startPushServer({ domains: ['another-domain'] });
    const out = await pushInventory(inventory, deepflow(), options());
    expect(out.result).toBe('failed');
    expect(out.message).toContain('not found');
  });

  it('gives up on a server that keeps failing, after the configured attempts', async () => {
    server = await startPushServer({ domains: [DOMAIN] });
    server.failNext.push(503, 503, 503, 503);
    const out = await pushInventory(inventory, deepflow(), options());
    expect(out).toMatchObject({ result: 'failed', attempts: 3 });
  });
});

describe('push over http', () => {
  it('POSTs gzip JSON with the bearer token and the version as idempotency key', async () => {
    server = await startPushServer({ token: TOKEN });
    const target: PushTarget = {
      url: `${server.url}/inventory`,
      kind: 'http',
      orgId: 1,
      domainUuid: undefined,
      token: TOKEN,
    };
    const out = await pushInventory(inventory, target, options());
    expect(out.result).toBe('accepted');
    const [p] = server.pushes;
    expect(p?.headers['content-encoding']).toBe('gzip');
    expect(p?.headers['idempotency-key']).toBe(out.version);
    expect(p?.body).toEqual(JSON.parse(JSON.stringify(inventory)));
    expect(gunzipSync(preparePush(inventory, target, silentLogger).request.body).toString()).toBe(
      JSON.stringify(inventory),
    );
  });

  it('fails on a wrong token (401 is not retried) and never puts the token in the message', async () => {
    server = await startPushServer({ token: 'the-right-one' });
    const target: PushTarget = {
      url: `${server.url}/inventory`,
      kind: 'http',
      orgId: 1,
      domainUuid: undefined,
      token: TOKEN,
    };
    const out = await pushInventory(inventory, target, options());
    expect(out).toMatchObject({ result: 'failed', attempts: 1 });
    expect(out.message).not.toContain(TOKEN);
  });

  it('retries a connection refused', async () => {
    server = await startPushServer();
    const url = server.url;
    await server.close();
    server = await startPushServer(); // for afterEach
    const target: PushTarget = {
      url: `${url}/inventory`,
      kind: 'http',
      orgId: 1,
      domainUuid: undefined,
      token: undefined,
    };
    const out = await pushInventory(inventory, target, options());
    expect(out).toMatchObject({ result: 'failed', attempts: 3 });
    expect(out.message).toContain('ECONNREFUSED');
  });
});

/** A self-signed certificate for 127.0.0.1 (openssl CLI), or undefined when openssl is missing. */
function selfSigned(): { key: string; cert: string } | undefined {
  const dir = tempDir('dfc-tls-');
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

describe('push over https', () => {
  const tls = selfSigned();
  it.skipIf(tls === undefined)(
    'verifies TLS: refused without the CA file, accepted with it',
    async () => {
      server = await startPushServer(); // for afterEach
      const https = createHttpsServer({ key: tls?.key, cert: tls?.cert }, (req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200).end('{}'));
      });
      await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
      try {
        const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/inventory`;
        const target: PushTarget = {
          url,
          kind: 'http',
          orgId: 1,
          domainUuid: undefined,
          token: TOKEN,
        };
        const refused = await pushInventory(
          inventory,
          target,
          options({ retry: { ...FAST_RETRY, maxAttempts: 1 } }),
        );
        expect(refused.result).toBe('failed');
        expect(refused.message).toMatch(/SELF_SIGNED|self.signed/i);
        const ok = await pushInventory(inventory, { ...target, ca: tls?.cert }, options());
        expect(ok.result).toBe('accepted');
      } finally {
        await new Promise<void>((resolve) =>
          https.close(() => {
            resolve();
          }),
        );
      }
    },
  );
});
