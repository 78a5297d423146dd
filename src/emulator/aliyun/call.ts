/** What an Aliyun action handler gets, and paging: `PageNumber`/`PageSize` + `TotalCount`, or `NextToken`. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RegionResources, World } from '../world-types-services.js';
import type { Seq } from '../world-types.js';
import { AliyunApiError, invalidParameter } from './errors.js';

export interface AliyunCall {
  readonly product: string;
  readonly action: string;
  /** `RegionId`; empty for a global call without one. */
  readonly region: string;
  readonly params: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly requestId: string;
  readonly pageLimit: number | undefined;
  readonly tokens: PageTokens;
  readonly repeatToken: boolean;
  /** A RAM user scoped to resource groups: account-wide ECS listings come back empty. */
  readonly resourceGroupScoped?: boolean;
}

/** Returns the response body as a JSON value (without `RequestId`, added by the server). */
export type Handler = (call: AliyunCall) => Record<string, unknown>;

export function required(call: AliyunCall, name: string): string {
  const v = call.params[name];
  if (v === undefined || v === '') {
    throw new AliyunApiError(
      400,
      `MissingParameter`,
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    );
  }
  return v;
}

export function notFound(code: string, what: string): AliyunApiError {
  return new AliyunApiError(404, code, `The specified ${what} does not exist.`);
}

export interface NumberPageSpec {
  readonly max: number;
  readonly default: number;
  /** Parameter names: `PageNumber`/`PageSize` unless given (ROA APIs: `page_number`/`page_size`). */
  readonly numberParam?: string;
  readonly sizeParam?: string;
}

export interface NumberPage<T> {
  readonly items: T[];
  readonly pageNumber: number;
  /** The page size actually used (after `pageLimit`). */
  readonly pageSize: number;
  readonly totalCount: number;
}

function intParam(call: AliyunCall, name: string, min: number, max: number): number | undefined {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParameter(
      `The specified parameter ${name} (${raw}) is invalid: it must be an integer from ${min} to ${max}.`,
      `InvalidParameter`,
    );
  }
  return n;
}

/**
 * PageNumber/PageSize paging. `PageSize` above the API maximum is rejected (`InvalidParameter`); the harness
 * `pageLimit` then caps it, and the response's `PageSize` is the size used. With the `repeat_token` fault
 * (a request for page ≥ 2) the previous page is served again and `TotalCount` grows by one page, so a client
 * that loops until it has `TotalCount` items never gets there and one that checks ids sees duplicates.
 */
export function pageByNumber<T>(
  call: AliyunCall,
  all: Seq<T>,
  spec: NumberPageSpec,
): NumberPage<T> {
  const pageNumber = intParam(call, spec.numberParam ?? 'PageNumber', 1, 1_000_000) ?? 1;
  let pageSize = intParam(call, spec.sizeParam ?? 'PageSize', 1, spec.max) ?? spec.default;
  if (call.pageLimit !== undefined) pageSize = Math.min(pageSize, call.pageLimit);
  let served = pageNumber;
  let totalCount = all.length;
  if (call.repeatToken && pageNumber > 1) {
    served = pageNumber - 1;
    totalCount += pageSize;
  }
  const items: T[] = [];
  const start = (served - 1) * pageSize;
  const end = Math.min(start + pageSize, all.length);
  for (let i = start; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  return { items, pageNumber, pageSize, totalCount };
}

/** The usual `{TotalCount, PageNumber, PageSize}` fields of a page. */
export function pageFields(page: NumberPage<unknown>): Record<string, number> {
  return { TotalCount: page.totalCount, PageNumber: page.pageNumber, PageSize: page.pageSize };
}

/** Opaque `NextToken`s bound to (product, action, region, scope). */
export class PageTokens {
  private readonly key: Buffer;

  constructor(seed: number) {
    this.key = createHash('sha256').update(`deepflow-cloud-aliyun-pages-${seed}`).digest();
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

export interface TokenPageSpec {
  readonly sizeParam: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface TokenPage<T> {
  readonly items: T[];
  readonly size: number;
  /** Empty string on the last page (Aliyun returns `NextToken: ""`). */
  readonly next: string;
}

/** NextToken paging; with `repeat_token` the given token comes back unchanged. */
export function pageByToken<T>(
  call: AliyunCall,
  all: Seq<T>,
  spec: TokenPageSpec,
  scopeExtra = '',
): TokenPage<T> {
  let size = intParam(call, spec.sizeParam, spec.min, spec.max) ?? spec.default;
  if (call.pageLimit !== undefined) size = Math.min(size, call.pageLimit);
  const scope = `${call.product}|${call.action}|${call.region}|${scopeExtra}`;
  const token = call.params['NextToken'] ?? '';
  let offset = 0;
  if (token !== '') {
    const decoded = call.tokens.decode(scope, token);
    if (decoded === undefined || decoded > all.length) {
      throw invalidParameter('The specified NextToken is invalid.', 'InvalidNextToken');
    }
    offset = decoded;
  }
  const items: T[] = [];
  const end = Math.min(offset + size, all.length);
  for (let i = offset; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  if (call.repeatToken && token !== '') return { items, size, next: token };
  return { items, size, next: end < all.length ? call.tokens.encode(scope, end) : '' };
}

/** A filter given as a JSON array string (`InstanceIds=["i-1","i-2"]`) or a comma list. */
export function idList(call: AliyunCall, name: string): string[] | undefined {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalidParameter(`The specified parameter ${name} is not a valid JSON array.`);
    }
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
      throw invalidParameter(`The specified parameter ${name} must be a JSON array of strings.`);
    }
    return parsed;
  }
  return raw.split(',').map((s) => s.trim());
}

/** A plain array as a `Seq`. */
export function seqOf<T>(items: readonly T[]): Seq<T> {
  return items;
}

/** Filters a Seq (lazily generated ones included) into an array. */
export function filterSeq<T>(all: Seq<T>, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of all) if (keep(item)) out.push(item);
  return out;
}
