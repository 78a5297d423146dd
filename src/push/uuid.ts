import { createHash } from 'node:crypto';

/** RFC 4122 URL namespace (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`). */
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A UUIDv5 (SHA-1, RFC 4122 §4.3) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash.writeUInt8(((hash.readUInt8(6) & 0x0f) | 0x50) >>> 0, 6);
  hash.writeUInt8(((hash.readUInt8(8) & 0x3f) | 0x80) >>> 0, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The namespace of every UUID this tool sends to DeepFlow: UUIDv5 of `https://deepflow.io/deepflow-cloud` in
 * the URL namespace: `c173c593-88b6-543e-bc86-dd1eb03f662b` (documented in docs/push-and-state.md).
 */
export const DEEPFLOW_CLOUD_NAMESPACE = uuidV5('https://deepflow.io/deepflow-cloud', NAMESPACE_URL);

/** The DeepFlow UUID of one of our record ids (or of any derived key): stable across runs. */
export function deepflowUuid(id: string): string {
  return uuidV5(id, DEEPFLOW_CLOUD_NAMESPACE);
}
