import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { RunningK8sEmulator } from '../../src/emulator/kubernetes/server.js';
import { startK8sEmulator } from '../../src/emulator/kubernetes/server.js';
import type { RunningSyncServer } from '../../src/emulator/kubernetes/sync-server.js';
import { startSyncServer } from '../../src/emulator/kubernetes/sync-server.js';
import { generateK8sWorld } from '../../src/emulator/kubernetes/world.js';
import { AuthError } from '../../src/errors/errors.js';
import { createApiServerClient, loadKubeConfig } from '../../src/kubernetes/apiserver.js';
import type { OpenCluster } from '../../src/kubernetes/cluster.js';
import { listAll, openCluster } from '../../src/kubernetes/cluster.js';
import type { SyncSender } from '../../src/kubernetes/grpc-client.js';
import { grpcSender } from '../../src/kubernetes/grpc-client.js';
import type { ApiResource } from '../../src/kubernetes/resources.js';
import {
  ApiResourceSchema,
  DEFAULT_RESOURCES,
  apiResourcesOf,
  selectResources,
} from '../../src/kubernetes/resources.js';
import { ROOT } from '../helpers/cli.js';
import { Reporter } from '../../src/kubernetes/reporter.js';
import type { ResourceWatcher } from '../../src/kubernetes/watcher.js';
import { silentLogger } from '../../src/log/logger.js';
import { systemClock } from '../../src/transport/clock.js';

let em: RunningK8sEmulator | undefined;
let srv: RunningSyncServer | undefined;
let sender: SyncSender | undefined;
let stop: AbortController | undefined;
let running: Promise<void>[] = [];

afterEach(async () => {
  stop?.abort();
  await Promise.all(running);
  running = [];
  sender?.close();
  await srv?.close();
  await em?.close();
  em = undefined;
  srv = undefined;
  sender = undefined;
});

async function waitFor(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = systemClock.now() + ms;
  while (!cond()) {
    if (systemClock.now() > until) throw new Error(`timed out waiting for ${what}`);
    await systemClock.sleep(10);
  }
}

async function setup(
  opts: {
    pageLimit?: number;
    apiResources?: ApiResource[];
    token?: string;
    extraPods?: number;
  } = {},
): Promise<{
  cluster: OpenCluster;
  emulator: RunningK8sEmulator;
  server: RunningSyncServer;
  send: SyncSender;
}> {
  em = await startK8sEmulator({
    world: generateK8sWorld({ extraPods: opts.extraPods ?? 0 }),
    ...(opts.pageLimit === undefined ? {} : { pageLimit: opts.pageLimit }),
  });
  srv = await startSyncServer();
  sender = grpcSender(srv.address, { timeoutMs: 5000, clock: systemClock });
  const client = createApiServerClient(
    loadKubeConfig({ direct: { server: em.url, token: opts.token ?? em.token } }),
    { timeoutMs: 5000 },
  );
  stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const cluster = await openCluster(
    client,
    {
      apiResources: opts.apiResources ?? [],
      pageSize: 1000,
      relistIntervalMs: 60_000,
      backoffMs: 20,
      maxBackoffMs: 100,
      clock: systemClock,
      log: silentLogger,
    },
    stop.signal,
  );
  return { cluster, emulator: em, server: srv, send: sender };
}

function watch(watchers: readonly ResourceWatcher[]): void {
  if (!stop) throw new Error('no setup');
  running = watchers.map((w) => w.run(stop!.signal));
}

function byName(c: OpenCluster, name: string, group?: string): ResourceWatcher {
  const w = c.watchers.find(
    (x) => x.resource.name === name && (group === undefined || x.resource.group === group),
  );
  if (!w) throw new Error(`no watcher for ${name}`);
  return w;
}

interface TrimmedPod {
  metadata: Record<string, unknown>;
  spec: unknown;
  status: Record<string, unknown> & { containerStatuses: unknown[] };
}

const api = (items: Record<string, unknown>[]): ApiResource[] =>
  items.map((i) => ApiResourceSchema.parse(i));

describe('kubernetes: list-watch and KubernetesAPISync', () => {
  it('pages LIST with limit/continue and keeps every object', async () => {
    const { cluster, emulator } = await setup({ pageLimit: 3, extraPods: 5 });
    expect(await listAll(cluster.watchers, stop!.signal)).toEqual([]);
    const pods = byName(cluster, 'pods');
    expect(pods.entries()).toHaveLength(15);
    const podLists = emulator.requests.filter((r) => r.path === '/api/v1/pods' && !r.watch);
    expect(podLists).toHaveLength(5);
    expect(podLists[0]?.query['continue']).toBeUndefined();
    expect(podLists.slice(1).every((r) => (r.query['continue'] ?? '') !== '')).toBe(true);
  });

  it('delivers every default resource, each entry the zlib of one trimmed object', async () => {
    const { cluster, server, send } = await setup();
    expect(cluster.watchers.map((w) => w.resource.name).sort()).toEqual(
      [...DEFAULT_RESOURCES].sort(),
    );
    await listAll(cluster.watchers, stop!.signal);
    const reporter = new Reporter({ clusterId: 'c1', clock: systemClock, sourceIp: '192.0.2.9' });
    const r = await reporter.report(send, cluster.watchers, cluster.versionInfo);
    expect(r).toMatchObject({ kind: 'full', entries: 26 });
    const rec = server.requests[0]!;
    expect(rec.decodeError).toBeUndefined();
    expect(rec).toMatchObject({ clusterId: 'c1', sourceIp: '192.0.2.9', agentId: 0 });
    expect(new Set(rec.entries.map((e) => e.type))).toEqual(
      new Set([
        '*version.Info',
        '*v1.Namespace',
        '*v1.Node',
        '*v1.Pod',
        '*v1.ReplicationController',
        '*v1.Service',
        '*v1.DaemonSet',
        '*v1.Deployment',
        '*v1.ReplicaSet',
        '*v1.StatefulSet',
        '*v1.Ingress',
        '*v1.ConfigMap',
      ]),
    );
    const pod = rec.entries.find(
      (e) =>
        e.type === '*v1.Pod' &&
        (e.object as { metadata: { name: string } }).metadata.name === 'redis-0',
    )?.object as TrimmedPod;
    expect(Object.keys(pod).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(pod.metadata).toMatchObject({
      name: 'redis-0',
      namespace: 'shop',
      generateName: 'redis-',
    });
    expect(pod.metadata['resourceVersion']).toBeUndefined();
    expect(pod.spec).toEqual({
      nodeName: 'node-1',
      containers: [{ name: 'main', env: [{ name: 'MODE', value: 'prod' }] }],
    });
    expect(Object.keys(pod.status).sort()).toEqual([
      'conditions',
      'containerStatuses',
      'hostIP',
      'phase',
      'podIP',
      'podIPs',
    ]);
    expect(pod.status.containerStatuses[0]).toEqual({
      containerID: expect.stringMatching(/^containerd:\/\//),
    });
    // The stored bytes are exactly the zlib of the trimmed JSON.
    const stored = byName(cluster, 'nodes').entries()[0]!;
    expect(inflateSync(stored.compressed).toString('utf8')).toBe(stored.json);
    expect(JSON.parse(stored.json)).toMatchObject({
      kind: 'Node',
      spec: { podCIDR: '10.244.0.0/24' },
    });
    expect(server.clusters.get('c1')?.entries.get('*v1.Pod')).toHaveLength(10);
  });

  it('changes the version and resends on a watch event; heartbeats without entries otherwise; resends when the server lost our version', async () => {
    const { cluster, emulator, server, send } = await setup();
    watch(cluster.watchers);
    await waitFor(() => cluster.watchers.every((w) => w.ready), 'first lists');
    const reporter = new Reporter({ clusterId: 'c1', agentId: 7, clock: systemClock });
    const first = await reporter.report(send, cluster.watchers, cluster.versionInfo);
    expect(first.kind).toBe('full');
    const hb = await reporter.report(send, cluster.watchers, cluster.versionInfo);
    expect(hb).toMatchObject({ kind: 'heartbeat', version: first.version });
    expect(server.requests.at(-1)).toMatchObject({ version: first.version, entries: [] });

    const pods = byName(cluster, 'pods');
    const before = pods.version;
    emulator.world.update('v1/pods', 'shop', 'redis-0', (o) => {
      (o.metadata['labels'] as Record<string, string>)['tier'] = 'cache';
    });
    await waitFor(() => pods.version > before, 'the MODIFIED event');
    const changed = await reporter.report(send, cluster.watchers, cluster.versionInfo);
    expect(changed).toMatchObject({
      kind: 'full',
      version: first.version + 1,
      entries: first.entries,
    });
    const redis = server.clusters
      .get('c1')
      ?.entries.get('*v1.Pod')
      ?.find((p) => (p as { metadata: { name: string } }).metadata.name === 'redis-0') as {
      metadata: { labels: Record<string, string> };
    };
    expect(redis.metadata.labels['tier']).toBe('cache');

    // A status-only change the trimming drops does not make a new version.
    emulator.world.update('v1/pods', 'shop', 'redis-0', (o) => {
      (o['status'] as Record<string, unknown>)['startTime'] = '2026-11-02T00:00:00Z';
    });
    const events = pods.stats.events;
    await waitFor(() => pods.stats.events > events, 'the second event');
    expect(await reporter.report(send, cluster.watchers, cluster.versionInfo)).toMatchObject({
      kind: 'heartbeat',
      version: first.version + 1,
    });

    emulator.world.remove('v1/pods', 'default', 'debug-shell');
    await waitFor(() => pods.entries().length === 9, 'the DELETED event');
    expect(await reporter.report(send, cluster.watchers, cluster.versionInfo)).toMatchObject({
      kind: 'full',
      version: first.version + 2,
    });

    server.forget('c1');
    const resent = await reporter.report(send, cluster.watchers, cluster.versionInfo);
    expect(resent).toMatchObject({ kind: 'full', resent: true, version: first.version + 2 });
    expect(server.requests.at(-2)?.entries).toEqual([]);
    expect(server.requests.at(-1)?.entries.length).toBe(first.entries - 1);
    expect(server.clusters.get('c1')?.version).toBe(first.version + 2);
  });

  it('re-lists after 410 Gone on the watch', async () => {
    const { cluster, emulator } = await setup({
      apiResources: api([{ name: 'ingresses', disabled: true }]),
    });
    emulator.addFault({ path: '/api/v1/pods', on: 'watch', status: 410, times: 1 });
    const pods = byName(cluster, 'pods');
    watch([pods]);
    await waitFor(() => pods.stats.lists >= 2, 'the re-list');
    expect(pods.stats.gone).toBe(1);
    expect(pods.error).toBeUndefined();
  });

  it('reconnects when the apiserver restarts, re-listing when its versions were compacted', async () => {
    const { cluster, emulator } = await setup();
    const pods = byName(cluster, 'pods');
    watch([pods]);
    await waitFor(() => pods.stats.watches >= 1 && pods.ready, 'the first watch');
    await emulator.stop();
    emulator.world.add('v1/pods', {
      metadata: { name: 'late', namespace: 'default', ownerReferences: [] },
      spec: {},
      status: {},
    });
    emulator.world.compact();
    await waitFor(() => pods.stats.reconnects >= 1, 'a failed reconnect');
    expect(pods.error).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up|apiserver/);
    await emulator.start();
    await waitFor(() => pods.entries().length === 11, 'the pod added while the apiserver was down');
    expect(pods.stats.gone).toBeGreaterThanOrEqual(1);
    await waitFor(() => pods.error === undefined, 'the error to clear');
  });

  it('routes replace ingresses (reported as *v1.Ingress); disabled and group selection', async () => {
    const { cluster, server, send } = await setup({
      apiResources: api([
        { name: 'ingresses', disabled: true },
        { name: 'routes' },
        { name: 'configmaps', disabled: true },
        { name: 'clonesets', group: 'apps.kruise.io' },
        { name: 'statefulsets', group: 'apps' },
        { name: 'statefulsets', group: 'apps.kruise.io' },
        { name: 'opengaussclusters' },
      ]),
    });
    const names = cluster.resources.map((r) => `${r.name}@${r.apiVersion}`);
    expect(names).not.toContain('ingresses@networking.k8s.io/v1');
    expect(names).not.toContain('configmaps@v1');
    expect(names).toEqual(
      expect.arrayContaining([
        'routes@route.openshift.io/v1',
        'clonesets@apps.kruise.io/v1alpha1',
        'statefulsets@apps/v1',
        'statefulsets@apps.kruise.io/v1beta1',
        'opengaussclusters@opengauss.sig/v1',
      ]),
    );
    await listAll(cluster.watchers, stop!.signal);
    await new Reporter({ clusterId: 'c2', clock: systemClock }).report(
      send,
      cluster.watchers,
      cluster.versionInfo,
    );
    const stored = server.clusters.get('c2')!.entries;
    expect(stored.get('*v1.Ingress')).toEqual([
      expect.objectContaining({
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        spec: expect.objectContaining({
          host: 'web.apps.example.com',
          to: expect.objectContaining({ name: 'web' }),
        }),
      }),
    ]);
    expect(
      stored
        .get('*v1.StatefulSet')
        ?.map((s) => {
          const o = s as { apiVersion: string; metadata: { name: string } };
          return `${o.apiVersion}/${o.metadata.name}`;
        })
        .sort(),
    ).toEqual(['apps.kruise.io/v1beta1/kdb', 'apps/v1/redis']);
    expect(stored.get('*v1.CloneSet')).toHaveLength(1);
    expect(stored.get('*v1.OpenGaussCluster')).toHaveLength(1);
    expect(stored.has('*v1.ConfigMap')).toBe(false);
  });

  it('a wrong bearer token is auth_failed, and the token never appears in the error', async () => {
    const p = setup({ token: 'wrong-token-123456' });
    await expect(p).rejects.toBeInstanceOf(AuthError);
    await expect(p).rejects.not.toThrow(/wrong-token-123456/);
  });

  it('does not send entries while a resource has never listed', async () => {
    const { cluster, emulator, server, send } = await setup();
    emulator.addFault({ path: '/api/v1/nodes', on: 'list', status: 500 });
    const failures = await listAll(cluster.watchers, stop!.signal);
    expect(failures.map((f) => f.resource)).toEqual(['nodes']);
    const r = await new Reporter({ clusterId: 'c3', clock: systemClock }).report(
      send,
      cluster.watchers,
      cluster.versionInfo,
    );
    expect(r).toMatchObject({ kind: 'error', entries: 0, notReady: ['nodes'] });
    expect(server.requests[0]?.errorMsg).toMatch(/nodes: apiserver: 500/);
    expect(server.requests[0]?.entries).toEqual([]);
  });
});

describe('examples/kubernetes/watch', () => {
  const dir = join(ROOT, 'examples', 'kubernetes', 'watch');

  it.each([
    'api-resources-openshift.yaml',
    'api-resources-openkruise.yaml',
    'api-resources-opengauss.yaml',
  ])('%s is a valid api_resources list', (file) => {
    const list = apiResourcesOf(parseYaml(readFileSync(join(dir, file), 'utf8')));
    expect(list.length).toBeGreaterThan(0);
    expect(selectResources(list).warnings).toEqual([]);
  });

  it('deployment.yaml grants get/list/watch on exactly the default resources', () => {
    const docs = parseAllDocuments(readFileSync(join(dir, 'deployment.yaml'), 'utf8')).map(
      (d) =>
        d.toJS() as {
          kind: string;
          rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
          data?: Record<string, string>;
        },
    );
    const role = docs.find((d) => d.kind === 'ClusterRole');
    const granted = (role?.rules ?? []).flatMap((r) => {
      expect(r.verbs).toEqual(['get', 'list', 'watch']);
      return r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`));
    });
    const wanted = selectResources([]).resources.map(
      (s) => `${s.candidates[0]?.group ?? ''}/${s.name}`,
    );
    expect(granted.sort()).toEqual(wanted.sort());
    const cm = docs.find((d) => d.kind === 'ConfigMap');
    expect(apiResourcesOf(parseYaml(cm?.data?.['api-resources.yaml'] ?? ''))).toEqual([]);
  });
});
