/**
 * Pod → workload (type, name) the way deepflow-server's PodGroup builder asks Lua plugins
 * (reference/deepflow.md §4.3): pods owned by an InPlaceSet are left alone; the built-in virtual-kubelet
 * rule comes first; then each plugin in order, where empty strings mean "no match" (next plugin), a type
 * outside the accepted list is skipped (next plugin), and an error stops the search for that pod.
 */
import type { LuaRunner } from './lua/runner.js';

export const ACCEPTED_WORKLOAD_TYPES: readonly string[] = [
  'deployment',
  'statefulset',
  'replicaset',
  'daemonset',
  'replicationcontroller',
  'cloneset',
];

export interface PodMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  ownerReferences?: { kind?: string; name?: string; apiVersion?: string }[];
  [key: string]: unknown;
}

export interface WorkloadDecision {
  namespace: string;
  pod: string;
  /** The pod's first owner, for context. */
  owner?: string;
  workload_type?: string;
  workload_name?: string;
  /** DeepFlow's pod-group label `<type>:<namespace>:<name>`. */
  label?: string;
  /** `virtual-kubelet` (built-in rule) or a plugin name. */
  decided_by?: string;
  /** Plugins that answered but were not used, with why. */
  skipped: { plugin: string; reason: string }[];
  error?: { plugin: string; message: string };
}

const VK_CLUSTER_TYPE = 'virtual-kubelet.io/provider-cluster-type';
const VK_WORKLOAD_TYPE = 'virtual-kubelet.io/provider-workload-type';
const VK_RESOURCE_NAME = 'virtual-kubelet.io/provider-resource-name';

/** The server's built-in rule for virtual-kubelet (serverless / proprietary) pods. */
export function virtualKubeletWorkload(meta: PodMeta): { type: string; name: string } | undefined {
  const labels = meta.labels ?? {};
  const clusterType = labels[VK_CLUSTER_TYPE];
  if (clusterType !== 'serverless' && clusterType !== 'proprietary') return undefined;
  const type =
    labels[VK_WORKLOAD_TYPE] ??
    (labels['statefulset.kubernetes.io/pod-name'] === undefined ? 'Deployment' : 'StatefulSet');
  const resource = labels[VK_RESOURCE_NAME] ?? '';
  const cut = resource.lastIndexOf('-');
  const name = cut > 0 ? resource.slice(0, cut) : resource;
  if (name === '') return undefined;
  return { type, name };
}

export async function decideWorkload(
  meta: PodMeta,
  plugins: readonly string[],
  runner: LuaRunner | undefined,
): Promise<WorkloadDecision> {
  const ns = meta.namespace ?? '';
  const owner = meta.ownerReferences?.[0];
  const d: WorkloadDecision = { namespace: ns, pod: meta.name ?? '', skipped: [] };
  if (owner?.kind !== undefined) d.owner = `${owner.kind}/${owner.name ?? ''}`;
  const decide = (type: string, name: string, by: string): WorkloadDecision => ({
    ...d,
    workload_type: type,
    workload_name: name,
    label: `${type.toLowerCase()}:${ns}:${name}`,
    decided_by: by,
  });
  if (meta.ownerReferences?.some((o) => o.kind === 'InPlaceSet')) {
    d.skipped.push({ plugin: '*', reason: 'owned by an InPlaceSet: plugins are not asked' });
    return d;
  }
  const vk = virtualKubeletWorkload(meta);
  if (vk) return decide(vk.type, vk.name, 'virtual-kubelet');
  if (runner === undefined) return d;
  const metaJson = JSON.stringify(meta);
  for (const plugin of plugins) {
    const r = await runner.call(plugin, metaJson);
    if (r.kind === 'error') return { ...d, error: { plugin, message: r.message } };
    if (r.type === '' || r.name === '') continue;
    if (!ACCEPTED_WORKLOAD_TYPES.includes(r.type.toLowerCase())) {
      d.skipped.push({ plugin, reason: `workload type '${r.type}' is not one DeepFlow accepts` });
      continue;
    }
    return decide(r.type, r.name, plugin);
  }
  return d;
}
