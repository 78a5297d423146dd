import type { ResourceKind } from '../model/index.js';
import { GLOBAL_REGION } from '../model/index.js';
import type { ResourceFetcher } from '../providers/types.js';

/** One unit of work: a fetcher in one region (or once for the account, region `global`). */
export interface Task<S> {
  readonly fetcher: ResourceFetcher<S>;
  readonly region: string;
  /** The kinds this task is responsible for (the fetcher's kind and what it also emits, if selected). */
  readonly kinds: readonly ResourceKind[];
}

/** The kinds a fetcher yields. */
export function kindsOf<S>(f: ResourceFetcher<S>): ResourceKind[] {
  return [f.kind, ...(f.alsoEmits ?? [])];
}

/**
 * Tasks = regions × selected fetchers, ordered round-robin across regions (every region's first fetcher, then
 * every region's second, ...), so that no region's API is hammered while others wait. Global fetchers run once.
 */
export function planTasks<S>(
  fetchers: readonly ResourceFetcher<S>[],
  regions: readonly string[],
  selected: ReadonlySet<ResourceKind>,
): Task<S>[] {
  const tasks: Task<S>[] = [];
  for (const fetcher of fetchers) {
    const kinds = kindsOf(fetcher).filter((k) => selected.has(k));
    if (kinds.length === 0) continue;
    if (fetcher.scope === 'global') {
      tasks.push({ fetcher, region: GLOBAL_REGION, kinds });
      continue;
    }
    for (const region of regions) tasks.push({ fetcher, region, kinds });
  }
  return tasks;
}
