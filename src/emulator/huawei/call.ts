/** What a Huawei operation handler gets, and the APIs' paging: marker, page_info marker, offset. */
import type { RegionResources, World } from '../world-types-services.js';
import type { Seq } from '../world-types.js';
import { badRequest } from './errors.js';

export interface HuaweiCall {
  readonly service: string;
  readonly op: string;
  readonly region: string;
  readonly projectId: string;
  /** Query parameters. */
  readonly params: Readonly<Record<string, string>>;
  /** Path parameters of the route (`pool_id`, `routetable_id`). */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly pageLimit: number | undefined;
  readonly repeatToken: boolean;
  /** IAM project id of a region of this world. */
  readonly projectOf: (region: string) => string;
}

/** Returns the response body as a JSON value. */
export type Handler = (call: HuaweiCall) => Record<string, unknown>;

function intParam(call: HuaweiCall, name: string, min: number, max: number): number | undefined {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badRequest(
      'Common.0002',
      `Invalid parameter ${name}: ${raw}, must be from ${min} to ${max}.`,
    );
  }
  return n;
}

function sizeOf(call: HuaweiCall, max: number): number {
  const size = intParam(call, 'limit', 1, max) ?? max;
  return call.pageLimit === undefined ? size : Math.min(size, call.pageLimit);
}

function slice<T>(all: Seq<T>, start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, all.length); i++) {
    const item = all.at(i);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Index after the item whose id is `marker`; an unknown marker is a 400 as in VPC/NAT. */
function afterMarker<T>(call: HuaweiCall, all: Seq<T>, idOf: (t: T) => string): number {
  const marker = call.params['marker'];
  if (marker === undefined || marker === '') return 0;
  for (let i = 0; i < all.length; i++) {
    const item = all.at(i);
    if (item !== undefined && idOf(item) === marker) return i + 1;
  }
  throw badRequest('VPC.0101', `Invalid marker: ${marker}`);
}

/**
 * VPC v1 / v2.0 / NAT v2: `marker` (the last id seen) + `limit`; no next indicator, the client stops on an
 * empty page. With `repeat_token` the page that ends at the marker is served again.
 */
export function pageByMarker<T>(
  call: HuaweiCall,
  all: Seq<T>,
  idOf: (t: T) => string,
  max: number,
): T[] {
  const size = sizeOf(call, max);
  const start = afterMarker(call, all, idOf);
  if (call.repeatToken && start > 0) return slice(all, start - size, start);
  return slice(all, start, start + size);
}

/** VPC v3 / EIP v3 / ELB v3: `marker` + `limit`, `page_info.next_marker` while more remain. */
export function pageByNextMarker<T>(
  call: HuaweiCall,
  all: Seq<T>,
  idOf: (t: T) => string,
  max: number,
): { items: T[]; page_info: Record<string, unknown> } {
  const size = sizeOf(call, max);
  const start = afterMarker(call, all, idOf);
  const items = slice(all, start, start + size);
  const last = items[items.length - 1];
  const marker = call.params['marker'];
  const next =
    call.repeatToken && marker !== undefined && marker !== ''
      ? marker
      : start + size < all.length && last !== undefined
        ? idOf(last)
        : undefined;
  return {
    items,
    page_info: {
      current_count: items.length,
      ...(next === undefined ? {} : { next_marker: next }),
      ...(items[0] === undefined ? {} : { previous_marker: idOf(items[0]) }),
    },
  };
}

/**
 * `offset` + `limit` with a total. `unit`: ECS `page` numbers from 1, RDS `pages` to skip from 0, DCS `items` to
 * skip. With `repeat_token` (a request past the first page) the previous page is served again and the total
 * grows by a page, so a client that checks ids or counts sees it.
 */
export function pageByOffset<T>(
  call: HuaweiCall,
  all: Seq<T>,
  max: number,
  unit: 'page' | 'pages' | 'items',
): { items: T[]; total: number } {
  const size = sizeOf(call, max);
  const min = unit === 'page' ? 1 : 0;
  const offset = intParam(call, 'offset', min, 1_000_000_000) ?? min;
  let start = unit === 'page' ? (offset - 1) * size : unit === 'pages' ? offset * size : offset;
  let total = all.length;
  if (call.repeatToken && start > 0) {
    start -= size;
    total += size;
  }
  return { items: slice(all, start, start + size), total };
}

/** Whether the request asks for a page after the first (a `repeat_token` fault applies only then). */
export function hasPageToken(params: Readonly<Record<string, string>>, op: string): boolean {
  if ((params['marker'] ?? '') !== '') return true;
  const offset = Number(params['offset'] ?? '0');
  return op === 'ListServersDetails' ? offset > 1 : offset > 0;
}
