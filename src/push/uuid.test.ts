import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from './cidr.js';
import { DEEPFLOW_CLOUD_NAMESPACE, deepflowUuid, uuidV5 } from './uuid.js';

describe('push/uuid', () => {
  it('matches the RFC 4122 UUIDv5 vector (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives stable ids in the documented namespace', () => {
    expect(DEEPFLOW_CLOUD_NAMESPACE).toBe('c173c593-88b6-543e-bc86-dd1eb03f662b');
    expect(deepflowUuid('aws/a/us-east-1/vpc/vpc-1')).toBe(
      deepflowUuid('aws/a/us-east-1/vpc/vpc-1'),
    );
    expect(deepflowUuid('aws/a/us-east-1/vpc/vpc-1')).not.toBe(
      deepflowUuid('aws/a/us-east-1/vpc/vpc-2'),
    );
  });
});

describe('push/cidr', () => {
  it.each([
    ['10.0.0.0/16', '10.0.255.1', true],
    ['10.0.0.0/16', '10.1.0.1', false],
    ['10.0.1.7/24', '10.0.1.200', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['10.0.0.0/8', '2001:db8::1', false],
  ])('%s contains %s: %s', (cidr, ip, inside) => {
    const c = parseCidr(cidr);
    const p = parseIp(ip);
    expect(c && p && cidrContains(c, p)).toBe(inside);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0/8', 'x/8', '2001:db8::/129', '10.0.0.0/a'])(
    'refuses %s',
    (cidr) => {
      expect(parseCidr(cidr)).toBeUndefined();
    },
  );
});
