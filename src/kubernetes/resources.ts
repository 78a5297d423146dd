/**
 * Which resources are watched: DeepFlow agent's default list, the resources it supports with their
 * group-versions in priority order, and its `api_resources` selection rules (reference/deepflow.md §4.2).
 */
import { z } from 'zod';

export interface GroupVersion {
  /** '' for the core group. */
  group: string;
  version: string;
}

export interface SupportedResource {
  name: string;
  /** The Go-style type DeepFlow expects in `KubernetesAPIInfo.type`. */
  pbType: string;
  /** Candidate group-versions; the first the apiserver serves wins. */
  groupVersions: readonly GroupVersion[];
}

const core = (version = 'v1'): GroupVersion => ({ group: '', version });
const gv = (group: string, version: string): GroupVersion => ({ group, version });

/** Resources the agent knows (`supported_resources()`), plus the seeds' CafeDeployment and InPlaceSet. */
export const SUPPORTED_RESOURCES: readonly SupportedResource[] = [
  { name: 'namespaces', pbType: '*v1.Namespace', groupVersions: [core()] },
  { name: 'nodes', pbType: '*v1.Node', groupVersions: [core()] },
  { name: 'pods', pbType: '*v1.Pod', groupVersions: [core()] },
  { name: 'replicationcontrollers', pbType: '*v1.ReplicationController', groupVersions: [core()] },
  { name: 'services', pbType: '*v1.Service', groupVersions: [core()] },
  { name: 'configmaps', pbType: '*v1.ConfigMap', groupVersions: [core()] },
  { name: 'daemonsets', pbType: '*v1.DaemonSet', groupVersions: [gv('apps', 'v1')] },
  { name: 'deployments', pbType: '*v1.Deployment', groupVersions: [gv('apps', 'v1')] },
  { name: 'replicasets', pbType: '*v1.ReplicaSet', groupVersions: [gv('apps', 'v1')] },
  {
    name: 'statefulsets',
    pbType: '*v1.StatefulSet',
    groupVersions: [
      gv('apps', 'v1'),
      gv('apps.kruise.io', 'v1beta1'),
      gv('platform.stke', 'v1alpha1'),
    ],
  },
  {
    name: 'ingresses',
    pbType: '*v1.Ingress',
    groupVersions: [
      gv('networking.k8s.io', 'v1'),
      gv('networking.k8s.io', 'v1beta1'),
      gv('extensions', 'v1beta1'),
    ],
  },
  // OpenShift routes are reported as ingresses, as the agent does.
  { name: 'routes', pbType: '*v1.Ingress', groupVersions: [gv('route.openshift.io', 'v1')] },
  {
    name: 'servicerules',
    pbType: '*v1.ServiceRule',
    groupVersions: [gv('crd.pingan.org', 'v1alpha1')],
  },
  { name: 'clonesets', pbType: '*v1.CloneSet', groupVersions: [gv('apps.kruise.io', 'v1alpha1')] },
  { name: 'ippools', pbType: '*v1.IPPool', groupVersions: [gv('crd.projectcalico.org', 'v1')] },
  {
    name: 'opengaussclusters',
    pbType: '*v1.OpenGaussCluster',
    // The agent's group is opengauss.cmbc.com.cn; the seed's pods and ClusterRole use opengauss.sig.
    groupVersions: [gv('opengauss.cmbc.com.cn', 'v1'), gv('opengauss.sig', 'v1')],
  },
  {
    name: 'cafedeployments',
    pbType: '*v1.CafeDeployment',
    groupVersions: [gv('apps.cloud.alipay.com', 'v1alpha1')],
  },
  {
    name: 'inplacesets',
    pbType: '*v1.InPlaceSet',
    groupVersions: [gv('apps.cloud.alipay.com', 'v1alpha1')],
  },
];

/** The agent's `default_resources()`. */
export const DEFAULT_RESOURCES: readonly string[] = [
  'namespaces',
  'nodes',
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'ingresses',
  'configmaps',
];

/** One `api_resources` item, with the agent's serde defaults. */
export const ApiResourceSchema = z.strictObject({
  name: z.string().min(1),
  group: z.string().default(''),
  version: z.string().default(''),
  disabled: z.boolean().default(false),
  field_selector: z.string().default(''),
});
export type ApiResource = z.infer<typeof ApiResourceSchema>;

/**
 * The api_resources list of a document: a bare list, `{api_resources: [...]}`, or the agent's user config
 * (`inputs.resources.kubernetes.api_resources`). Throws naming the bad item.
 */
export function apiResourcesOf(doc: unknown): ApiResource[] {
  const inner = (v: unknown, key: string): unknown =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)[key]
      : undefined;
  const list = Array.isArray(doc)
    ? doc
    : (inner(doc, 'api_resources') ??
      inner(inner(inner(inner(doc, 'inputs'), 'resources'), 'kubernetes'), 'api_resources'));
  const parsed = z.array(ApiResourceSchema).safeParse(list);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `[${issue.path.join('.')}]: ` : '';
  throw new Error(`${where}${issue?.message ?? 'expected a list of api_resources'}`);
}

/** A resource to watch before discovery: its candidate group-versions, in priority order. */
export interface SelectedResource {
  name: string;
  pbType: string;
  candidates: GroupVersion[];
  /** True when the config pinned group and version (the agent's `Specified`). */
  specified: boolean;
  fieldSelector: string;
}

export interface Selection {
  resources: SelectedResource[];
  warnings: string[];
}

export function formatGroupVersion(g: GroupVersion): string {
  return g.group === '' ? g.version : `${g.group}/${g.version}`;
}

/**
 * The agent's `discover_resources` selection: defaults, minus names disabled or listed in the config
 * (listing a name replaces its default), plus each configured entry narrowed to its group / version.
 */
export function selectResources(config: readonly ApiResource[]): Selection {
  const warnings: string[] = [];
  const supported = new Map(SUPPORTED_RESOURCES.map((r) => [r.name, r]));
  const disabled = new Set(config.filter((c) => c.disabled).map((c) => c.name));
  const listed = new Set(config.filter((c) => !c.disabled).map((c) => c.name));
  const resources: SelectedResource[] = [];
  for (const name of DEFAULT_RESOURCES) {
    if (disabled.has(name) || listed.has(name)) continue;
    const s = supported.get(name);
    if (s === undefined) continue;
    resources.push({
      name,
      pbType: s.pbType,
      candidates: [...s.groupVersions],
      specified: false,
      fieldSelector: '',
    });
  }
  for (const c of config) {
    if (c.disabled) continue;
    const s = supported.get(c.name);
    if (s === undefined) {
      warnings.push(`api_resources: '${c.name}' is not a supported resource; skipped`);
      continue;
    }
    let candidates = [...s.groupVersions];
    if (c.group !== '') {
      const group = c.group === 'core' ? '' : c.group;
      candidates = candidates.filter((g) => g.group === group);
    }
    if (c.version !== '') candidates = candidates.filter((g) => g.version === c.version);
    if (candidates.length === 0) {
      warnings.push(
        `api_resources: '${c.name}' has no supported group-version matching group '${c.group}' version '${c.version}'; skipped`,
      );
      continue;
    }
    resources.push({
      name: c.name,
      pbType: s.pbType,
      candidates,
      specified: c.group !== '' && c.version !== '',
      fieldSelector: c.field_selector,
    });
  }
  return { resources, warnings };
}
