import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  credentialScope,
  parseAmzDate,
  parseAuthorization,
  sha256Hex,
  stringToSign,
  verifySigV4,
  type KnownKey,
  type SigV4Request,
} from './sigv4.js';

const DIR = fileURLToPath(
  new URL('../../../test/fixtures/aws/signing/get-vanilla/', import.meta.url),
);
const fixture = (ext: string) => readFileSync(`${DIR}get-vanilla.${ext}`, 'utf8');

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const NOW = Date.UTC(2015, 7, 30, 12, 36, 0);
const KEYS: Record<string, KnownKey<string>> = {
  AKIDEXAMPLE: { secretAccessKey: SECRET, principal: 'example' },
};
const lookup = (id: string) => KEYS[id];

/** Parses a `.req`/`.sreq` file of the AWS test suite (request line, `Name:value` headers, body). */
function parseRequest(text: string): SigV4Request {
  const [head = '', body = ''] = text.split('\n\n');
  const [requestLine = '', ...lines] = head.split('\n').filter((l) => l !== '');
  const [method = '', target = ''] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const q = target.indexOf('?');
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body,
  };
}

describe('emulator/aws sigv4 verifier', () => {
  const signed = parseRequest(fixture('sreq'));

  it('builds the canonical request and string to sign of the get-vanilla vector', () => {
    const auth = parseAuthorization(fixture('authz'));
    expect(auth).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      date: '20150830',
      region: 'us-east-1',
      service: 'service',
      signedHeaders: ['host', 'x-amz-date'],
    });
    const creq = canonicalRequest(
      parseRequest(fixture('req')),
      ['host', 'x-amz-date'],
      sha256Hex(''),
    );
    expect(creq).toBe(fixture('creq'));
    const sts = stringToSign(
      '20150830T123600Z',
      credentialScope('20150830', 'us-east-1', 'service'),
      creq ?? '',
    );
    expect(sts).toBe(fixture('sts'));
  });

  it('accepts the signed get-vanilla request (signature 5fa00fa3…)', () => {
    expect(signed.headers['authorization']).toContain(
      'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(verifySigV4(signed, { now: NOW, lookup })).toMatchObject({
      ok: true,
      principal: 'example',
    });
  });

  const wrongSecret = (): KnownKey<string> => ({ secretAccessKey: 'wrong', principal: 'x' });
  const noKey = (): KnownKey<string> | undefined => undefined;
  it.each([
    ['a wrong secret', { lookup: wrongSecret }, 'mismatch'],
    ['an unknown access key', { lookup: noKey }, 'unknown_key'],
    ['a timestamp 16 minutes late', { now: NOW + 16 * 60_000 }, 'skewed'],
    ['a timestamp 16 minutes early', { now: NOW - 16 * 60_000 }, 'skewed'],
  ] as const)('rejects %s', (_what, change, reason) => {
    expect(verifySigV4(signed, { now: NOW, lookup, ...change })).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('accepts a skew of up to 15 minutes', () => {
    expect(verifySigV4(signed, { now: NOW + 15 * 60_000, lookup }).ok).toBe(true);
  });

  it('rejects tampering with a signed header, the body or its declared hash', () => {
    const tampered = { ...signed, headers: { ...signed.headers, host: 'evil.example.com' } };
    expect(verifySigV4(tampered, { now: NOW, lookup })).toMatchObject({ reason: 'mismatch' });
    expect(verifySigV4({ ...signed, body: 'x' }, { now: NOW, lookup })).toMatchObject({
      reason: 'mismatch',
    });
    const hash = {
      ...signed,
      headers: { ...signed.headers, 'x-amz-content-sha256': sha256Hex('x') },
    };
    expect(verifySigV4(hash, { now: NOW, lookup })).toMatchObject({ reason: 'mismatch' });
  });

  it('rejects a missing or malformed Authorization header', () => {
    const rest = Object.fromEntries(
      Object.entries(signed.headers).filter(([name]) => name !== 'authorization'),
    );
    expect(verifySigV4({ ...signed, headers: rest }, { now: NOW, lookup })).toMatchObject({
      reason: 'missing',
    });
    const bad = {
      ...signed,
      headers: { ...signed.headers, authorization: 'AWS4-HMAC-SHA256 nope' },
    };
    expect(verifySigV4(bad, { now: NOW, lookup })).toMatchObject({ reason: 'malformed' });
  });

  it('checks the session token and expiry of temporary credentials', () => {
    const temp = (expiresAt: number) => () => ({
      secretAccessKey: SECRET,
      sessionToken: 'token-1',
      expiresAt,
      principal: 'temp',
    });
    expect(verifySigV4(signed, { now: NOW, lookup: temp(NOW + 1) })).toMatchObject({
      reason: 'invalid_token',
    });
    // The token header is not signed in the vector, which the verifier tolerates (only `host` is required).
    const withToken = {
      ...signed,
      headers: { ...signed.headers, 'x-amz-security-token': 'token-1' },
    };
    expect(verifySigV4(withToken, { now: NOW, lookup: temp(NOW + 1) })).toMatchObject({ ok: true });
    expect(verifySigV4(withToken, { now: NOW, lookup: temp(NOW) })).toMatchObject({
      reason: 'expired_token',
    });
  });

  it('parses ISO-8601 basic timestamps', () => {
    expect(parseAmzDate('20150830T123600Z')).toBe(NOW);
    expect(parseAmzDate('2015-08-30T12:36:00Z')).toBeUndefined();
  });
});
