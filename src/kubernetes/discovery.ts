/** Group-version discovery against the apiserver, as the agent does it (reference/deepflow.md §4.2). */
import type { ApiServerClient } from './apiserver.js';
import type { GroupVersion, SelectedResource } from './resources.js';
import { formatGroupVersion } from './resources.js';

export interface ResolvedResource {
  name: string;
  pbType: string;
  group: string;
  version: string;
  /** `v1` or `group/version`. */
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  fieldSelector: string;
  /** Collection path: `/api/v1/pods`, `/apis/apps/v1/deployments`. */
  path: string;
}

interface ApiResourceEntry {
  name: string;
  kind: string;
  namespaced: boolean;
}

function gvPath(g: GroupVersion): string {
  return g.group === '' ? `/api/${g.version}` : `/apis/${g.group}/${g.version}`;
}

function parseResourceList(body: unknown): ApiResourceEntry[] {
  const resources = (body as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((r: unknown) => {
    const e = r as Partial<ApiResourceEntry>;
    if (typeof e.name !== 'string' || e.name.includes('/')) return [];
    return [
      {
        name: e.name,
        kind: typeof e.kind === 'string' ? e.kind : '',
        namespaced: e.namespaced === true,
      },
    ];
  });
}

export interface Discovery {
  resources: ResolvedResource[];
  warnings: string[];
}

export async function discoverResources(
  client: ApiServerClient,
  selected: readonly SelectedResource[],
  signal: AbortSignal,
): Promise<Discovery> {
  const warnings: string[] = [];
  const core = (await client.getJson('/api', {}, signal)) as { versions?: unknown };
  if (!Array.isArray(core.versions) || !core.versions.includes('v1')) {
    throw new Error('the apiserver does not serve the core v1 API');
  }
  const groups = (await client.getJson('/apis', {}, signal)) as {
    groups?: { name?: string; versions?: { version?: string }[] }[];
  };
  const served = new Set<string>(['v1']);
  for (const g of groups.groups ?? []) {
    for (const v of g.versions ?? []) {
      if (g.name !== undefined && v.version !== undefined) served.add(`${g.name}/${v.version}`);
    }
  }
  const lists = new Map<string, ApiResourceEntry[]>();
  const listOf = async (g: GroupVersion): Promise<ApiResourceEntry[]> => {
    const key = formatGroupVersion(g);
    const cached = lists.get(key);
    if (cached) return cached;
    let entries: ApiResourceEntry[] = [];
    if (served.has(key)) {
      // Retried once, as the agent does.
      try {
        entries = parseResourceList(await client.getJson(gvPath(g), {}, signal));
      } catch {
        entries = parseResourceList(await client.getJson(gvPath(g), {}, signal));
      }
    }
    lists.set(key, entries);
    return entries;
  };
  const resources: ResolvedResource[] = [];
  for (const s of selected) {
    let chosen: { gv: GroupVersion; entry: ApiResourceEntry } | undefined;
    for (const g of s.candidates) {
      const entry = (await listOf(g)).find((e) => e.name === s.name);
      if (entry) {
        chosen = { gv: g, entry };
        break;
      }
    }
    if (chosen === undefined) {
      const first = s.candidates[0];
      if (first === undefined) continue;
      warnings.push(
        `${s.name}: not served by the apiserver in ${s.candidates.map(formatGroupVersion).join(', ')}; using ${formatGroupVersion(first)}`,
      );
      chosen = {
        gv: first,
        entry: {
          name: s.name,
          kind: s.pbType.replace(/^\*[^.]+\./, ''),
          namespaced: s.name !== 'nodes' && s.name !== 'namespaces',
        },
      };
    }
    resources.push({
      name: s.name,
      pbType: s.pbType,
      group: chosen.gv.group,
      version: chosen.gv.version,
      apiVersion: formatGroupVersion(chosen.gv),
      kind: chosen.entry.kind || s.pbType.replace(/^\*[^.]+\./, ''),
      namespaced: chosen.entry.namespaced,
      fieldSelector: s.fieldSelector,
      path: `${gvPath(chosen.gv)}/${s.name}`,
    });
  }
  return { resources, warnings };
}
