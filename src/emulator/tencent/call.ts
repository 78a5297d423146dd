/** What a Tencent action handler gets, and paging: `Offset`/`Limit` + `TotalCount`. */
import type { RegionResources, World } from '../world-types-services.js';
import type { Seq } from '../world-types.js';
import { TencentApiError, invalidParameter } from './errors.js';

export interface TencentCall {
  readonly service: string;
  readonly action: string;
  /** `X-TC-Region`; empty when absent. */
  readonly region: string;
  /** The parsed JSON body. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly pageLimit: number | undefined;
  readonly repeatToken: boolean;
}

/** Returns the `Response` members (without `RequestId`, added by the server). */
export type Handler = (call: TencentCall) => Record<string, unknown>;

export function stringParam(call: TencentCall, name: string): string | undefined {
  const v = call.params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    throw invalidParameter(`The parameter \`${name}\` must be of type String.`);
  }
  return v;
}

export function requiredString(call: TencentCall, name: string): string {
  const v = stringParam(call, name);
  if (v === undefined || v === '') {
    throw new TencentApiError(
      'MissingParameter',
      `The request is missing a required parameter \`${name}\`.`,
    );
  }
  return v;
}

export function stringList(call: TencentCall, name: string): string[] | undefined {
  const v = call.params[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw invalidParameter(`The parameter \`${name}\` must be of type Array of String.`);
  }
  return v;
}

export interface OffsetSpec {
  readonly max: number;
  readonly default: number;
  /** The API types Offset/Limit as String (VPC lists), else as Integer. */
  readonly strings?: boolean;
}

export interface OffsetPage<T> {
  readonly items: T[];
  readonly totalCount: number;
}

function intParam(call: TencentCall, name: string, strings: boolean, min: number, max: number) {
  const raw = call.params[name];
  if (raw === undefined || raw === null) return undefined;
  const type = strings ? 'string' : 'number';
  if (typeof raw !== type) {
    throw invalidParameter(
      `The parameter \`${name}\` must be of type ${strings ? 'String' : 'Integer'}.`,
    );
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParameter(
      `The value of parameter \`${name}\` (${JSON.stringify(raw)}) is invalid: it must be an integer from ${min} to ${max}.`,
      'InvalidParameterValue',
    );
  }
  return n;
}

/** Whether the request asks for a page after the first. */
export function asksLaterPage(params: Readonly<Record<string, unknown>>): boolean {
  return Number(params['Offset'] ?? 0) > 0;
}

/**
 * Offset/Limit paging with the API's types and maximum (a larger `Limit` is rejected); the harness
 * `pageLimit` then caps it. With the `repeat_token` fault (a request for a later page) the previous page is
 * served again, so a client that checks ids sees duplicates.
 */
export function pageByOffset<T>(call: TencentCall, all: Seq<T>, spec: OffsetSpec): OffsetPage<T> {
  const strings = spec.strings === true;
  const offset = intParam(call, 'Offset', strings, 0, 1_000_000_000) ?? 0;
  let limit = intParam(call, 'Limit', strings, 1, spec.max) ?? spec.default;
  if (call.pageLimit !== undefined) limit = Math.min(limit, call.pageLimit);
  const start = call.repeatToken && offset > 0 ? Math.max(0, offset - limit) : offset;
  const items: T[] = [];
  const end = Math.min(start + limit, all.length);
  for (let i = start; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  return { items, totalCount: all.length };
}

/** Filters a Seq (lazily generated ones included) into an array. */
export function filterSeq<T>(all: Seq<T>, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of all) if (keep(item)) out.push(item);
  return out;
}

/** `2026-01-02T03:04:05.000Z` → `2026-01-02 11:04:05` (China Standard Time, as VPC/CLB/CDB answer). */
export function cstTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '0000-00-00 00:00:00';
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO-8601 UTC without milliseconds (CVM, TKE). */
export function isoTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 19)}Z` : iso;
}

/** Tags as `[{Key, Value}]` (CVM, VPC). */
export function keyValueTags(
  tags: Readonly<Record<string, string>>,
): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** Tags as `[{TagKey, TagValue}]` (CLB, CDB, Redis, PostgreSQL, SQL Server). */
export function tagKeyValueTags(
  tags: Readonly<Record<string, string>>,
): { TagKey: string; TagValue: string }[] {
  return Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}
