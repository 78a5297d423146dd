/**
 * The Kubernetes emulator's world: a small, deterministic cluster (nodes, namespaces, workloads and their
 * pods, services, ingresses, a config map, an OpenShift route, OpenKruise CloneSet and Advanced StatefulSet,
 * and the seed's OpenGaussCluster with its pod), a resourceVersion counter and the event history that
 * watches replay. Tests mutate it through add / update / remove, and `compact()` makes old versions 410 Gone.
 */
export interface K8sResourceDef {
  group: string;
  version: string;
  /** Plural resource name. */
  name: string;
  kind: string;
  namespaced: boolean;
}

export type K8sObject = Record<string, unknown> & {
  metadata: Record<string, unknown> & { name: string; namespace?: string; uid: string };
};

export interface K8sEvent {
  rv: number;
  resource: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: K8sObject;
}

const def = (
  group: string,
  version: string,
  name: string,
  kind: string,
  namespaced = true,
): K8sResourceDef => ({ group, version, name, kind, namespaced });

/** What the emulated apiserver serves (discovery lists exactly these). */
export const EMULATED_RESOURCES: readonly K8sResourceDef[] = [
  def('', 'v1', 'namespaces', 'Namespace', false),
  def('', 'v1', 'nodes', 'Node', false),
  def('', 'v1', 'pods', 'Pod'),
  def('', 'v1', 'services', 'Service'),
  def('', 'v1', 'replicationcontrollers', 'ReplicationController'),
  def('', 'v1', 'configmaps', 'ConfigMap'),
  def('apps', 'v1', 'deployments', 'Deployment'),
  def('apps', 'v1', 'statefulsets', 'StatefulSet'),
  def('apps', 'v1', 'daemonsets', 'DaemonSet'),
  def('apps', 'v1', 'replicasets', 'ReplicaSet'),
  def('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  def('route.openshift.io', 'v1', 'routes', 'Route'),
  def('apps.kruise.io', 'v1alpha1', 'clonesets', 'CloneSet'),
  def('apps.kruise.io', 'v1beta1', 'statefulsets', 'StatefulSet'),
  def('opengauss.sig', 'v1', 'opengaussclusters', 'OpenGaussCluster'),
];

/** `apps/v1/deployments`, `v1/pods`. */
export function resourceKey(r: Pick<K8sResourceDef, 'group' | 'version' | 'name'>): string {
  return r.group === '' ? `${r.version}/${r.name}` : `${r.group}/${r.version}/${r.name}`;
}

function apiVersionOf(r: K8sResourceDef): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

const CREATED = '2026-11-01T08:00:00Z';

export class K8sWorld {
  rv = 1000;
  /** Watches and continue tokens older than this get 410 Gone. */
  compactedRv = 0;
  private uidCounter = 0;
  private readonly objects = new Map<string, Map<string, K8sObject>>();
  private history: K8sEvent[] = [];
  private readonly listeners = new Set<(e: K8sEvent) => void>();
  readonly defs = new Map<string, K8sResourceDef>(
    EMULATED_RESOURCES.map((d) => [resourceKey(d), d]),
  );

  constructor() {
    for (const k of this.defs.keys()) this.objects.set(k, new Map());
  }

  newUid(): string {
    this.uidCounter++;
    return `00000000-0000-4000-8000-${this.uidCounter.toString(16).padStart(12, '0')}`;
  }

  private key(ns: string | undefined, name: string): string {
    return `${ns ?? ''}/${name}`;
  }

  private resourceMap(resource: string): Map<string, K8sObject> {
    const m = this.objects.get(resource);
    if (m === undefined) throw new Error(`unknown resource ${resource}`);
    return m;
  }

  private emit(resource: string, type: K8sEvent['type'], object: K8sObject): void {
    const e: K8sEvent = { rv: this.rv, resource, type, object: structuredClone(object) };
    this.history.push(e);
    for (const l of this.listeners) l(e);
  }

  /** Adds an object (uid, creationTimestamp and resourceVersion are filled in). Returns it. */
  add(
    resource: string,
    obj: Omit<K8sObject, 'metadata'> & {
      metadata: Record<string, unknown> & { name: string; namespace?: string };
    },
  ): K8sObject {
    const d = this.defs.get(resource);
    if (d === undefined) throw new Error(`unknown resource ${resource}`);
    this.rv++;
    const full = {
      apiVersion: apiVersionOf(d),
      kind: d.kind,
      ...obj,
      metadata: {
        uid: this.newUid(),
        creationTimestamp: CREATED,
        labels: {},
        ...obj.metadata,
        resourceVersion: String(this.rv),
      },
    } as K8sObject;
    this.resourceMap(resource).set(this.key(full.metadata.namespace, full.metadata.name), full);
    this.emit(resource, 'ADDED', full);
    return full;
  }

  update(
    resource: string,
    ns: string | undefined,
    name: string,
    mutate: (o: K8sObject) => void,
  ): K8sObject {
    const m = this.resourceMap(resource);
    const o = m.get(this.key(ns, name));
    if (o === undefined) throw new Error(`no ${resource} ${ns ?? ''}/${name}`);
    mutate(o);
    this.rv++;
    o.metadata['resourceVersion'] = String(this.rv);
    this.emit(resource, 'MODIFIED', o);
    return o;
  }

  remove(resource: string, ns: string | undefined, name: string): void {
    const m = this.resourceMap(resource);
    const k = this.key(ns, name);
    const o = m.get(k);
    if (o === undefined) throw new Error(`no ${resource} ${ns ?? ''}/${name}`);
    m.delete(k);
    this.rv++;
    o.metadata['resourceVersion'] = String(this.rv);
    this.emit(resource, 'DELETED', o);
  }

  /** Objects of a resource sorted by namespace/name (list order). */
  list(resource: string): K8sObject[] {
    return [...this.resourceMap(resource).entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, o]) => o);
  }

  /** Events of `resource` after `rv`, or undefined when `rv` is older than the compaction (410). */
  eventsSince(resource: string, rv: number): K8sEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    return this.history.filter((e) => e.resource === resource && e.rv > rv);
  }

  /** Forgets the event history: every older resourceVersion is now 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.history = [];
  }

  subscribe(listener: (e: K8sEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  count(): number {
    let n = 0;
    for (const m of this.objects.values()) n += m.size;
    return n;
  }
}

function owner(kind: string, apiVersion: string, o: K8sObject): Record<string, unknown> {
  return {
    apiVersion,
    kind,
    name: o.metadata.name,
    uid: o.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function pod(
  w: K8sWorld,
  ips: { next: number },
  ns: string,
  name: string,
  node: string,
  owners: Record<string, unknown>[],
  labels: Record<string, string>,
  extraMeta: Record<string, unknown> = {},
): K8sObject {
  const podIp = ++ips.next;
  return w.add('v1/pods', {
    metadata: {
      name,
      namespace: ns,
      labels,
      annotations: { 'cni.projectcalico.org/podIP': `10.244.0.${podIp}/32` },
      ownerReferences: owners,
      ...extraMeta,
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'main',
          image: 'registry.example/app:1.0',
          env: [{ name: 'MODE', value: 'prod' }],
          resources: {},
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
    },
    status: {
      phase: 'Running',
      hostIP: node === 'node-1' ? '192.0.2.11' : '192.0.2.12',
      podIP: `10.244.0.${podIp}`,
      podIPs: [{ ip: `10.244.0.${podIp}` }],
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: CREATED },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: CREATED },
      ],
      containerStatuses: [
        {
          name: 'main',
          containerID: `containerd://${podIp.toString(16).padStart(64, 'a')}`,
          ready: true,
          restartCount: 0,
          image: 'registry.example/app:1.0',
        },
      ],
    },
  });
}

function workload(
  w: K8sWorld,
  resource: string,
  ns: string,
  name: string,
  replicas: number,
  extra: Record<string, unknown> = {},
): K8sObject {
  return w.add(resource, {
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main' }] } },
      ...extra,
    },
    status: { replicas, readyReplicas: replicas },
  });
}

/**
 * The default world. `extraPods` adds that many pods to the `web` Deployment's ReplicaSet (for paging and
 * size tests).
 */
export function generateK8sWorld(opts: { extraPods?: number } = {}): K8sWorld {
  const ips = { next: 10 };
  const w = new K8sWorld();
  for (const [name, ip, cidr] of [
    ['node-1', '192.0.2.11', '10.244.0.0/24'],
    ['node-2', '192.0.2.12', '10.244.1.0/24'],
  ] as const) {
    w.add('v1/nodes', {
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: { podCIDR: cidr, podCIDRs: [cidr], providerID: `emulator://${name}` },
      status: {
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: name },
        ],
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        capacity: { cpu: '4', memory: '16Gi', pods: '110' },
        images: [{ names: ['registry.example/app:1.0'], sizeBytes: 1000 }],
      },
    });
  }
  for (const ns of ['default', 'kube-system', 'shop', 'db']) {
    w.add('v1/namespaces', {
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: {},
      status: { phase: 'Active' },
    });
  }
  // Deployment → ReplicaSet → pods.
  const web = workload(w, 'apps/v1/deployments', 'shop', 'web', 2);
  const rs = w.add('apps/v1/replicasets', {
    metadata: {
      name: 'web-5d4f8c7b9',
      namespace: 'shop',
      labels: { app: 'web', 'pod-template-hash': '5d4f8c7b9' },
      ownerReferences: [owner('Deployment', 'apps/v1', web)],
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } } },
    },
  });
  const webPods = 2 + (opts.extraPods ?? 0);
  for (let i = 0; i < webPods; i++) {
    pod(
      w,
      ips,
      'shop',
      `web-5d4f8c7b9-${String(i).padStart(5, 'x')}`,
      i % 2 === 0 ? 'node-1' : 'node-2',
      [owner('ReplicaSet', 'apps/v1', rs)],
      {
        app: 'web',
        'pod-template-hash': '5d4f8c7b9',
      },
    );
  }
  const redis = workload(w, 'apps/v1/statefulsets', 'shop', 'redis', 1, { serviceName: 'redis' });
  pod(
    w,
    ips,
    'shop',
    'redis-0',
    'node-1',
    [owner('StatefulSet', 'apps/v1', redis)],
    { app: 'redis' },
    { generateName: 'redis-' },
  );
  const agent = workload(w, 'apps/v1/daemonsets', 'kube-system', 'node-agent', 2);
  for (const node of ['node-1', 'node-2']) {
    pod(w, ips, 'kube-system', `node-agent-${node}`, node, [owner('DaemonSet', 'apps/v1', agent)], {
      app: 'node-agent',
    });
  }
  const legacy = workload(w, 'v1/replicationcontrollers', 'default', 'legacy', 1);
  pod(w, ips, 'default', 'legacy-abcde', 'node-2', [owner('ReplicationController', 'v1', legacy)], {
    app: 'legacy',
  });
  // OpenKruise: a CloneSet and an Advanced StatefulSet, each with a pod.
  const api = workload(w, 'apps.kruise.io/v1alpha1/clonesets', 'shop', 'api', 1);
  pod(w, ips, 'shop', 'api-x7k2p', 'node-1', [owner('CloneSet', 'apps.kruise.io/v1alpha1', api)], {
    app: 'api',
  });
  const kdb = workload(w, 'apps.kruise.io/v1beta1/statefulsets', 'db', 'kdb', 1);
  pod(
    w,
    ips,
    'db',
    'kdb-0',
    'node-2',
    [owner('StatefulSet', 'apps.kruise.io/v1beta1', kdb)],
    { app: 'kdb' },
    { generateName: 'kdb-' },
  );
  // The seed's OpenGauss example: a pod owned by an OpenGaussCluster named ogtest.
  const og = w.add('opengauss.sig/v1/opengaussclusters', {
    metadata: { name: 'ogtest', namespace: 'db', labels: { 'opengauss.cluster': 'ogtest' } },
    spec: { image: 'opengauss:5.0.0', localrole: 'primary', storage: '10Gi' },
  });
  pod(w, ips, 'db', 'ogtest-0', 'node-1', [owner('OpenGaussCluster', 'opengauss.sig/v1', og)], {
    'opengauss.cluster': 'ogtest',
  });
  // A pod with no owner.
  pod(w, ips, 'default', 'debug-shell', 'node-2', [], { run: 'debug-shell' });
  // Services, ingress, route, config map.
  w.add('v1/services', {
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20'],
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  });
  w.add('v1/services', {
    metadata: { name: 'redis', namespace: 'shop', labels: { app: 'redis' } },
    spec: {
      type: 'NodePort',
      clusterIP: '10.96.0.21',
      selector: { app: 'redis' },
      ports: [{ name: 'redis', port: 6379, nodePort: 30079, protocol: 'TCP', targetPort: 6379 }],
    },
    status: { loadBalancer: {} },
  });
  w.add('networking.k8s.io/v1/ingresses', {
    metadata: { name: 'web', namespace: 'shop', labels: {} },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '198.51.100.7' }] } },
  });
  w.add('route.openshift.io/v1/routes', {
    metadata: { name: 'web-route', namespace: 'shop', labels: {} },
    spec: {
      host: 'web.apps.example.com',
      path: '/',
      to: { kind: 'Service', name: 'web', weight: 100 },
      port: { targetPort: 'http' },
      wildcardPolicy: 'None',
    },
    status: { ingress: [] },
  });
  w.add('v1/configmaps', {
    metadata: { name: 'app-config', namespace: 'shop', labels: { app: 'web' } },
    data: { 'app.properties': 'mode=prod\n' },
  });
  return w;
}
