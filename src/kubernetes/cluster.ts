/** Opens a cluster for list-watch: resource selection, discovery, the apiserver version, one watcher each. */
import type { Logger } from '../log/logger.js';
import type { Clock } from '../transport/clock.js';
import type { ApiServerClient } from './apiserver.js';
import type { ResolvedResource } from './discovery.js';
import { discoverResources } from './discovery.js';
import type { ApiResource } from './resources.js';
import { selectResources } from './resources.js';
import { ResourceWatcher, createListGate } from './watcher.js';

export interface ClusterOptions {
  apiResources: readonly ApiResource[];
  pageSize: number;
  relistIntervalMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  clock: Clock;
  log: Logger;
}

export interface OpenCluster {
  resources: ResolvedResource[];
  watchers: ResourceWatcher[];
  /** JSON of the apiserver's `/version` (the `*version.Info` entry). */
  versionInfo: string;
  warnings: string[];
}

export const MAX_PAGES = 10_000;

export async function openCluster(
  client: ApiServerClient,
  opts: ClusterOptions,
  signal: AbortSignal,
): Promise<OpenCluster> {
  const selection = selectResources(opts.apiResources);
  const discovery = await discoverResources(client, selection.resources, signal);
  const versionInfo = JSON.stringify(await client.getJson('/version', {}, signal));
  const listGate = createListGate();
  const watchers = discovery.resources.map(
    (r) =>
      new ResourceWatcher(r, client, {
        pageSize: opts.pageSize,
        relistIntervalMs: opts.relistIntervalMs,
        backoffMs: opts.backoffMs,
        maxBackoffMs: opts.maxBackoffMs,
        maxPages: MAX_PAGES,
        clock: opts.clock,
        log: opts.log.child({ resource: r.name }),
        listGate,
      }),
  );
  return {
    resources: discovery.resources,
    watchers,
    versionInfo,
    warnings: [...selection.warnings, ...discovery.warnings],
  };
}

/** Lists every resource once, one at a time (the agent serialises lists to bound memory). */
export async function listAll(
  watchers: readonly ResourceWatcher[],
  signal: AbortSignal,
): Promise<{ resource: string; error: unknown }[]> {
  const errors: { resource: string; error: unknown }[] = [];
  for (const w of watchers) {
    try {
      await w.list(signal);
    } catch (e) {
      if (signal.aborted) throw e;
      w.error = `${w.resource.name}: ${e instanceof Error ? e.message : String(e)}`;
      errors.push({ resource: w.resource.name, error: e });
    }
  }
  return errors;
}
