/**
 * One resource's list-watch, as the agent's resource watcher: paged LIST, WATCH from the list's
 * resourceVersion, re-list on 410 Gone and every `relistIntervalMs`, reconnect with backoff. The store maps
 * uid → zlib(JSON(trimmed object)); `version` increases whenever the stored bytes change.
 */
import { deflateSync } from 'node:zlib';
import { ProviderError, TruncatedError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { Clock } from '../transport/clock.js';
import type { ApiServerClient, WatchEvent } from './apiserver.js';
import { isGone } from './apiserver.js';
import type { ResolvedResource } from './discovery.js';
import { trimObject } from './trim.js';

export interface WatcherOptions {
  pageSize: number;
  relistIntervalMs: number;
  /** First reconnect delay; doubles up to `maxBackoffMs`, with full jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Stops paging that never ends (a repeated or endless continue token). */
  maxPages: number;
  clock: Clock;
  log: Logger;
  /** Serialises LISTs across watchers (the agent's semaphore, to bound memory); default: none. */
  listGate?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** A gate that runs one function at a time, in call order. */
export function createListGate(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

export interface StoredObject {
  json: string;
  compressed: Buffer;
}

export interface WatcherStats {
  lists: number;
  pages: number;
  watches: number;
  events: number;
  gone: number;
  reconnects: number;
}

const RELIST = new Error('re-list interval reached');

/** Read through a call: TypeScript narrows `signal.aborted` across awaits. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ResourceWatcher {
  readonly resource: ResolvedResource;
  private readonly client: ApiServerClient;
  private readonly opts: WatcherOptions;
  private store = new Map<string, StoredObject>();
  private resourceVersion = '';
  /** Increases on every change of the stored bytes. */
  version = 0;
  /** True once a LIST has succeeded: only then are this resource's entries a whole picture. */
  ready = false;
  /** The last error, cleared by the next success. */
  error: string | undefined;
  readonly stats: WatcherStats = {
    lists: 0,
    pages: 0,
    watches: 0,
    events: 0,
    gone: 0,
    reconnects: 0,
  };

  constructor(resource: ResolvedResource, client: ApiServerClient, opts: WatcherOptions) {
    this.resource = resource;
    this.client = client;
    this.opts = opts;
  }

  /** Stored objects sorted by uid (stable output). */
  entries(): StoredObject[] {
    return [...this.store.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);
  }

  private encode(raw: Record<string, unknown>): { uid: string; stored: StoredObject } | undefined {
    const metadata = raw['metadata'] as { uid?: unknown } | undefined;
    const uid = metadata?.uid;
    if (typeof uid !== 'string' || uid === '') return undefined;
    const trimmed = trimObject(this.resource.name, raw, {
      apiVersion: this.resource.apiVersion,
      kind: this.resource.kind,
    });
    const json = JSON.stringify(trimmed);
    return { uid, stored: { json, compressed: deflateSync(json) } };
  }

  /** One paged LIST; replaces the store. */
  async list(signal: AbortSignal): Promise<void> {
    const next = new Map<string, StoredObject>();
    let token: string | undefined;
    const seen = new Set<string>();
    let rv = '';
    for (let page = 0; ; page++) {
      if (page >= this.opts.maxPages) {
        throw new TruncatedError(`${this.resource.name}: more than ${this.opts.maxPages} pages`);
      }
      const query: Record<string, string> = { limit: String(this.opts.pageSize) };
      if (token !== undefined) query['continue'] = token;
      if (this.resource.fieldSelector !== '') query['fieldSelector'] = this.resource.fieldSelector;
      const body = (await this.client.getJson(this.resource.path, query, signal)) as {
        metadata?: { resourceVersion?: string; continue?: string };
        items?: Record<string, unknown>[];
      };
      this.stats.pages++;
      for (const item of body.items ?? []) {
        const e = this.encode(item);
        if (e) next.set(e.uid, e.stored);
      }
      rv = body.metadata?.resourceVersion ?? rv;
      const cont = body.metadata?.continue;
      if (cont === undefined || cont === '') break;
      if (seen.has(cont)) {
        throw new TruncatedError(`${this.resource.name}: the apiserver repeated a continue token`);
      }
      seen.add(cont);
      token = cont;
    }
    let changed = next.size !== this.store.size || !this.ready;
    if (!changed) {
      for (const [uid, s] of next) {
        if (this.store.get(uid)?.json !== s.json) {
          changed = true;
          break;
        }
      }
    }
    this.store = next;
    this.resourceVersion = rv;
    this.stats.lists++;
    if (changed) this.version++;
    this.ready = true;
    this.error = undefined;
  }

  private onEvent(ev: WatchEvent): void {
    this.stats.events++;
    const obj = ev.object;
    const rv = (obj['metadata'] as { resourceVersion?: unknown } | undefined)?.resourceVersion;
    switch (ev.type) {
      case 'ERROR': {
        const code = obj['code'];
        const message = typeof obj['message'] === 'string' ? obj['message'] : 'watch error';
        throw new ProviderError(`apiserver: ${message}`, {
          httpStatus: typeof code === 'number' ? code : 500,
          operation: this.resource.path,
        });
      }
      case 'BOOKMARK':
        break;
      case 'ADDED':
      case 'MODIFIED': {
        const e = this.encode(obj);
        if (e && this.store.get(e.uid)?.json !== e.stored.json) {
          this.store.set(e.uid, e.stored);
          this.version++;
        }
        break;
      }
      case 'DELETED': {
        const uid = (obj['metadata'] as { uid?: unknown } | undefined)?.uid;
        if (typeof uid === 'string' && this.store.delete(uid)) this.version++;
        break;
      }
    }
    if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
  }

  /** Lists then watches until `signal` aborts; never throws (errors are kept in `error`). */
  async run(signal: AbortSignal): Promise<void> {
    const { clock, log } = this.opts;
    let needList = !this.ready;
    let listedAt = clock.now();
    let failures = 0;
    while (!signal.aborted) {
      const relist = new AbortController();
      try {
        if (needList) {
          const gate = this.opts.listGate;
          await (gate ? gate(() => this.list(signal)) : this.list(signal));
          listedAt = clock.now();
          needList = false;
        }
        const remaining = listedAt + this.opts.relistIntervalMs - clock.now();
        if (remaining <= 0) {
          needList = true;
          continue;
        }
        const watchSignal = AbortSignal.any([signal, relist.signal]);
        clock.sleep(remaining, watchSignal).then(
          () => {
            relist.abort(RELIST);
          },
          () => undefined,
        );
        const query: Record<string, string> = {
          resourceVersion: this.resourceVersion,
          allowWatchBookmarks: 'true',
        };
        if (this.resource.fieldSelector !== '')
          query['fieldSelector'] = this.resource.fieldSelector;
        this.stats.watches++;
        const started = clock.now();
        await this.client.watch(this.resource.path, query, watchSignal, (ev) => {
          this.onEvent(ev);
        });
        this.error = undefined;
        failures = 0;
        // The server closed the stream: watch again (after a pause if it closed at once).
        if (clock.now() - started < this.opts.backoffMs)
          await clock.sleep(this.opts.backoffMs, signal);
      } catch (e) {
        if (isAborted(signal)) return;
        if (relist.signal.aborted) {
          needList = true;
          continue;
        }
        if (isGone(e)) {
          this.stats.gone++;
          log.info('resource version expired (410 Gone): re-listing', {
            resource: this.resource.name,
          });
          needList = true;
          continue;
        }
        failures++;
        this.stats.reconnects++;
        this.error = `${this.resource.name}: ${errorMessage(e)}`;
        const cap = Math.min(
          this.opts.maxBackoffMs,
          this.opts.backoffMs * 2 ** Math.min(failures - 1, 20),
        );
        const delay = Math.max(1, Math.round(clock.random() * cap));
        log.warn('list-watch failed; retrying', {
          resource: this.resource.name,
          error: errorMessage(e),
          retry_in_ms: delay,
        });
        try {
          await clock.sleep(delay, signal);
        } catch {
          return;
        }
      } finally {
        relist.abort();
      }
    }
  }
}
