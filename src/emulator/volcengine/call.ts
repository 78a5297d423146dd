/** What a Volcengine action handler gets, and paging: `PageNumber`/`PageSize` + a total, or `NextToken`. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RegionResources, World } from '../world-types-services.js';
import type { Seq } from '../world-types.js';
import { invalidParameter, VolcEmulatorError } from './errors.js';

export interface VolcCall {
  readonly service: string;
  readonly action: string;
  /** The credential scope's region. */
  readonly region: string;
  readonly params: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly pageLimit: number | undefined;
  readonly tokens: PageTokens;
  readonly repeatToken: boolean;
}

/** Returns the `Result` object. */
export type Handler = (call: VolcCall) => Record<string, unknown>;

export function required(call: VolcCall, name: string): string {
  const v = call.params[name];
  if (v === undefined || v === '') {
    throw new VolcEmulatorError(400, 'MissingParameter', `The parameter ${name} is required.`);
  }
  return v;
}

function intParam(call: VolcCall, name: string, min: number, max: number): number | undefined {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParameter(
      `The parameter ${name} (${raw}) must be an integer from ${min} to ${max}.`,
    );
  }
  return n;
}

export interface NumberPage<T> {
  readonly items: T[];
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly total: number;
}

/**
 * PageNumber/PageSize paging: a size above `max` is rejected, the harness `pageLimit` caps it. With the
 * `repeat_token` fault (a request for page ≥ 2) the previous page is served again and the total grows.
 */
export function pageByNumber<T>(call: VolcCall, all: Seq<T>, max: number, def = 10): NumberPage<T> {
  const pageNumber = intParam(call, 'PageNumber', 1, 1_000_000) ?? 1;
  let pageSize = intParam(call, 'PageSize', 1, max) ?? def;
  if (call.pageLimit !== undefined) pageSize = Math.min(pageSize, call.pageLimit);
  let served = pageNumber;
  let total = all.length;
  if (call.repeatToken && pageNumber > 1) {
    served = pageNumber - 1;
    total += pageSize;
  }
  const items: T[] = [];
  const end = Math.min(served * pageSize, all.length);
  for (let i = (served - 1) * pageSize; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  return { items, pageNumber, pageSize, total };
}

/** `{TotalCount, PageNumber, PageSize}` as the network APIs report them. */
export function pageFields(page: NumberPage<unknown>): Record<string, number> {
  return { TotalCount: page.total, PageNumber: page.pageNumber, PageSize: page.pageSize };
}

/** Opaque `NextToken`s bound to (service, action, region, scope). */
export class PageTokens {
  private readonly key: Buffer;

  constructor(seed: number) {
    this.key = createHash('sha256').update(`deepflow-cloud-volcengine-pages-${seed}`).digest();
  }

  private mac(scope: string, offset: number): string {
    return createHmac('sha256', this.key).update(`${scope}\n${offset}`).digest('hex').slice(0, 24);
  }

  encode(scope: string, offset: number): string {
    return `${offset.toString(16)}${this.mac(scope, offset)}`;
  }

  decode(scope: string, token: string): number | undefined {
    const offset = Number.parseInt(token.slice(0, -24), 16);
    if (!Number.isInteger(offset) || offset < 0) return undefined;
    const expected = Buffer.from(this.encode(scope, offset));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? offset
      : undefined;
  }
}

/** NextToken/MaxResults paging (`NextToken: ""` on the last page); `repeat_token` echoes the token. */
export function pageByToken<T>(
  call: VolcCall,
  all: Seq<T>,
  max: number,
  def = 10,
): { items: T[]; next: string } {
  let size = intParam(call, 'MaxResults', 1, max) ?? def;
  if (call.pageLimit !== undefined) size = Math.min(size, call.pageLimit);
  const scope = `${call.service}|${call.action}|${call.region}`;
  const token = call.params['NextToken'] ?? '';
  let offset = 0;
  if (token !== '') {
    const decoded = call.tokens.decode(scope, token);
    if (decoded === undefined || decoded > all.length) {
      throw invalidParameter('The specified NextToken is invalid.', 'InvalidParameter.NextToken');
    }
    offset = decoded;
  }
  const items: T[] = [];
  const end = Math.min(offset + size, all.length);
  for (let i = offset; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  if (call.repeatToken && token !== '') return { items, next: token };
  return { items, next: end < all.length ? call.tokens.encode(scope, end) : '' };
}

/** Filters a Seq (lazily generated ones included) into an array. */
export function filterSeq<T>(all: Seq<T>, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of all) if (keep(item)) out.push(item);
  return out;
}

/** Volcengine tags `[{Key, Value}]`. */
export function tagList(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** `2026-01-02T03:04:05Z` (no milliseconds). */
export function isoSeconds(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}
