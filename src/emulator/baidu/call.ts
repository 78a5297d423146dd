/** What a BCE route handler gets, and marker paging (`marker`/`maxKeys` → `nextMarker`/`isTruncated`). */
import type { RegionResources, World } from '../world-types-services.js';
import type { NetworkInterface, Seq, Vm } from '../world-types.js';
import { BceApiError, invalidParameter } from './errors.js';

export interface BaiduCall {
  readonly service: string;
  readonly op: string;
  /** The region of the endpoint (empty for CSN, which is global). */
  readonly region: string;
  /** Path parameters (`{blbId}`, `{natId}`, ...). */
  readonly ids: readonly string[];
  readonly params: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly pageLimit: number | undefined;
  readonly repeatToken: boolean;
}

export type Handler = (call: BaiduCall) => Record<string, unknown>;

/** BCE list APIs accept `maxKeys` from 1 to 1000 (the default). */
export const MAX_KEYS = 1000;

export function required(call: BaiduCall, name: string): string {
  const v = call.params[name];
  if (v === undefined || v === '') {
    throw new BceApiError(400, 'MissingParameter', `The parameter ${name} is required.`);
  }
  return v;
}

/**
 * One page: `marker` is the id of the first item to return; `nextMarker` the id of the first item of the next
 * page. With the `repeat_token` fault a request with a marker gets that same marker back as `nextMarker`.
 */
export function pageByMarker<T>(
  call: BaiduCall,
  all: Seq<T>,
  idOf: (item: T) => string,
  max = MAX_KEYS,
): { items: T[]; fields: Record<string, unknown> } {
  const raw = call.params['maxKeys'];
  let size = raw === undefined || raw === '' ? max : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw invalidParameter(`maxKeys must be an integer from 1 to ${max}.`);
  }
  if (call.pageLimit !== undefined) size = Math.min(size, call.pageLimit);
  const marker = call.params['marker'] ?? '';
  let start = 0;
  if (marker !== '') {
    start = -1;
    for (let i = 0; i < all.length; i++) {
      const item = all.at(i);
      if (item !== undefined && idOf(item) === marker) {
        start = i;
        break;
      }
    }
    if (start < 0) throw invalidParameter(`The marker ${marker} is invalid.`);
  }
  const items: T[] = [];
  const end = Math.min(start + size, all.length);
  for (let i = start; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  const after = all.at(end);
  const next = call.repeatToken && marker !== '' ? marker : after === undefined ? '' : idOf(after);
  return {
    items,
    fields: {
      marker,
      isTruncated: next !== '',
      ...(next === '' ? {} : { nextMarker: next }),
      maxKeys: size,
    },
  };
}

/** BCE times: ISO-8601 UTC without milliseconds. */
export function bceTime(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

export function tagList(
  tags: Readonly<Record<string, string>>,
): { tagKey: string; tagValue: string }[] {
  return Object.entries(tags).map(([tagKey, tagValue]) => ({ tagKey, tagValue }));
}

interface RegionIndex {
  readonly nics: ReadonlyMap<string, NetworkInterface>;
  readonly vms: ReadonlyMap<string, Vm>;
  /** Device id → the public IP bound to it (NAT, load balancer). */
  readonly publicIpOf: ReadonlyMap<string, string>;
}

const INDEXES = new WeakMap<RegionResources, RegionIndex>();

/** Lookups by id over a region's (possibly lazily generated) lists, built once per region. */
export function indexOf(res: RegionResources): RegionIndex {
  const hit = INDEXES.get(res);
  if (hit !== undefined) return hit;
  const nics = new Map<string, NetworkInterface>();
  for (const n of res.networkInterfaces) nics.set(n.id, n);
  const vms = new Map<string, Vm>();
  for (const vm of res.vms) vms.set(vm.id, vm);
  const publicIpOf = new Map<string, string>();
  for (const ip of res.publicIps) {
    if (ip.deviceId !== undefined && ip.deviceKind !== 'vm') publicIpOf.set(ip.deviceId, ip.ip);
  }
  const index = { nics, vms, publicIpOf };
  INDEXES.set(res, index);
  return index;
}
