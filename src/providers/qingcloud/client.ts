import { fetch } from 'undici';
import { TruncatedError, errorOfKind } from '../../errors/errors.js';
import { transport } from '../../transport/agents.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import { QingcloudApiError } from './errors.js';
import type { QingcloudParams, SigningKeys } from './sign.js';
import { sign } from './sign.js';
import type * as wire from './wire.js';

export const DEFAULT_ENDPOINT = 'https://api.qingcloud.com/iaas/';

/** Base URL of the IaaS API: `endpoints.iaas` (`{region}` substituted) or the public endpoint. */
export function endpointFor(endpoints: Readonly<Record<string, string>>, region: string): URL {
  const url = new URL((endpoints['iaas'] ?? DEFAULT_ENDPOINT).replaceAll('{region}', region));
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  url.search = '';
  return url;
}

/** Signs and sends GET requests on undici's fetch through the process's transport; holds the key pair privately (never logged). */
export class QingcloudClient {
  readonly #keys: SigningKeys;

  constructor(keys: SigningKeys) {
    this.#keys = keys;
  }

  /**
   * One signed call through the scheduler's wrapper (limit, per-attempt timeout via the signal, our retries,
   * classification). `region` goes as `zone` unless empty. Resolves with the body of a `ret_code 0` answer.
   */
  request<T extends wire.Envelope>(
    ctx: AccountContext,
    op: Operation,
    region: string,
    params: QingcloudParams,
  ): Promise<T> {
    return ctx.call(op, region, async (signal) => {
      const base = endpointFor(ctx.endpoints, region);
      const all: Record<string, string | number> = { ...params, action: op.action, version: 1 };
      if (region !== '') all['zone'] = region;
      const { query } = sign(
        { path: base.pathname, params: all },
        this.#keys,
        new Date(ctx.clock.now()),
      );
      // The process's transport: private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY (src/transport/agents.ts).
      const res = await fetch(`${base.href}?${query}`, {
        method: 'GET',
        signal,
        dispatcher: transport().dispatcher(),
      });
      // The caller names the shape of the action's answer.
      return parseBody(res.status, await res.text()) as T;
    });
  }
}

/** A JSON body with `ret_code 0`, or the matching error (HTTP status kept for classification). */
export function parseBody(status: number, text: string): wire.Envelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    if (status < 200 || status >= 300)
      throw new QingcloudApiError(status, undefined, `HTTP ${status}`);
    throw e;
  }
  const env = (typeof body === 'object' && body !== null ? body : {}) as wire.Envelope;
  if (typeof env.ret_code !== 'number') {
    if (status < 200 || status >= 300)
      throw new QingcloudApiError(status, undefined, `HTTP ${status}`);
    throw errorOfKind('provider_error', 'response has no ret_code', { provider: 'qingcloud' });
  }
  if (env.ret_code !== 0) {
    throw new QingcloudApiError(status, env.ret_code, env.message ?? `ret_code ${env.ret_code}`);
  }
  return env;
}

/** What `connect` returns: the signer, and the regions and zones DescribeZones gave. */
export interface QingcloudSession {
  readonly client: QingcloudClient;
  readonly regions: readonly RegionInfo[];
  readonly zones: readonly wire.Zone[];
  /** Per-region memo of the DescribeVxnets listing (common.ts `regionVxnets`), asked once per region. */
  readonly vxnets: Map<string, Promise<readonly wire.Vxnet[]>>;
}

/** The API's largest `limit`. */
export const MAX_LIMIT = 100;
/** More pages than any real account has; a total_count beyond it is not believed. */
export const MAX_PAGES = 1_000;

export interface ListSpec<T> {
  /** The result key (`instance_set`). */
  readonly key: string;
  readonly idOf: (item: T) => string | undefined;
}

/**
 * Every item of an `offset`/`limit` list: page 1 first, its `total_count` gives the number of pages, then
 * the other pages are requested concurrently (each through `ctx.call`, so the account's limit applies) and
 * yielded in order. Throws `TruncatedError` rather than returning a partial or duplicated list.
 */
export async function* listAll<T>(
  ctx: AccountContext,
  client: QingcloudClient,
  op: Operation,
  region: string,
  params: QingcloudParams,
  spec: ListSpec<T>,
): AsyncGenerator<T, void, undefined> {
  const details = {
    provider: 'qingcloud' as const,
    region,
    operation: `${op.service}:${op.action}`,
  };
  const itemsOf = (page: wire.Envelope): readonly T[] => {
    const items = (page as Record<string, unknown>)[spec.key];
    if (!Array.isArray(items)) {
      throw errorOfKind('provider_error', `response has no ${spec.key}`, details);
    }
    return items as T[];
  };
  const request = (offset: number): Promise<wire.Envelope> =>
    client.request<wire.Envelope>(ctx, op, region, { ...params, offset, limit: MAX_LIMIT });
  const first = await request(0);
  const firstItems = itemsOf(first);
  const total = first.total_count ?? firstItems.length;
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: total_count ${String(total)} is not a count`, details);
  }
  // The service may serve fewer than asked: a short first page sets the page size.
  const size =
    firstItems.length > 0 && firstItems.length < Math.min(total, MAX_LIMIT)
      ? firstItems.length
      : MAX_LIMIT;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(
      `pagination did not terminate: total_count ${total} needs more than ${MAX_PAGES} pages`,
      details,
    );
  }
  const rest: Promise<wire.Envelope>[] = [];
  for (let n = 1; n < pages; n++) {
    const p = request(n * size);
    // Awaited in order below; this only keeps an early failure from being reported as unhandled.
    p.catch(() => undefined);
    rest.push(p);
  }
  const seen = new Set<string>();
  let listed = 0;
  for (let i = 0; i < pages; i++) {
    const items = i === 0 ? firstItems : itemsOf(await (rest[i - 1] ?? request(i * size)));
    for (const item of items) {
      const id = spec.idOf(item);
      if (id !== undefined) {
        if (seen.has(id)) {
          throw new TruncatedError(`pagination: page ${i + 1} repeats item ${id}`, details);
        }
        seen.add(id);
      }
      listed++;
      yield item;
    }
  }
  if (listed !== total) {
    throw new TruncatedError(
      `pagination: listed ${listed} items but total_count is ${total}`,
      details,
    );
  }
}

/** `listAll` collected into an array (for lists a mapper gets whole: rules, backends, vxnets). */
export async function listArray<T>(
  ctx: AccountContext,
  client: QingcloudClient,
  op: Operation,
  region: string,
  params: QingcloudParams,
  spec: ListSpec<T>,
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of listAll(ctx, client, op, region, params, spec)) out.push(item);
  return out;
}
