/**
 * Trimming: each object is reduced to the fields deepflow-server reads (seed "Required Fields of *v1.X",
 * plus what the agent keeps) before it is serialised and compressed. Pure functions.
 */
type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copies the listed keys that are present (and not undefined). */
function pick(src: unknown, keys: readonly string[]): Json {
  const out: Json = {};
  if (!isObject(src)) return out;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

function pickEach(src: unknown, keys: readonly string[]): Json[] | undefined {
  if (!Array.isArray(src)) return undefined;
  return src.map((item) => pick(item, keys));
}

/** Sets `key` only when the value is meaningful (drops undefined and empty objects). */
function put(out: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  if (isObject(value) && Object.keys(value).length === 0) return;
  out[key] = value;
}

const BASE_META = ['uid', 'name', 'namespace', 'creationTimestamp'] as const;

function meta(obj: Json, extra: readonly string[] = [], labels = true): Json {
  const m = pick(obj['metadata'], [...BASE_META, ...extra]);
  // Labels are required (an empty object is fine, the seed says).
  if (labels) m['labels'] = pick(obj['metadata'], ['labels'])['labels'] ?? {};
  return m;
}

function workloadSpec(spec: unknown): Json {
  const out = pick(spec, ['replicas', 'selector']);
  const template = isObject(spec) ? spec['template'] : undefined;
  const labels = isObject(template) ? pick(template['metadata'], ['labels']) : {};
  put(out, 'template', Object.keys(labels).length > 0 ? { metadata: labels } : undefined);
  return out;
}

function trimPod(obj: Json): Json {
  const spec = obj['spec'];
  const status = obj['status'];
  const s: Json = pick(spec, ['nodeName', 'hostNetwork']);
  put(s, 'containers', pickEach(isObject(spec) ? spec['containers'] : undefined, ['name', 'env']));
  const st: Json = pick(status, ['hostIP', 'podIP', 'podIPs', 'phase']);
  put(
    st,
    'conditions',
    pickEach(isObject(status) ? status['conditions'] : undefined, ['type', 'status']),
  );
  put(
    st,
    'containerStatuses',
    pickEach(isObject(status) ? status['containerStatuses'] : undefined, ['containerID']),
  );
  return {
    metadata: meta(obj, ['ownerReferences', 'annotations', 'generateName']),
    spec: s,
    status: st,
  };
}

function trimNode(obj: Json): Json {
  const status = obj['status'];
  const st: Json = {};
  put(
    st,
    'addresses',
    pickEach(isObject(status) ? status['addresses'] : undefined, ['address', 'type']),
  );
  put(
    st,
    'conditions',
    pickEach(isObject(status) ? status['conditions'] : undefined, ['type', 'status', 'reason']),
  );
  put(st, 'capacity', pick(status, ['capacity'])['capacity']);
  put(st, 'nodeInfo', pick(status, ['nodeInfo'])['nodeInfo']);
  return { metadata: meta(obj), spec: pick(obj['spec'], ['podCIDR', 'podCIDRs']), status: st };
}

function trimService(obj: Json): Json {
  const spec = obj['spec'];
  const s = pick(spec, ['clusterIP', 'clusterIPs', 'selector', 'type', 'externalIPs']);
  put(
    s,
    'ports',
    pickEach(isObject(spec) ? spec['ports'] : undefined, [
      'name',
      'nodePort',
      'port',
      'protocol',
      'targetPort',
    ]),
  );
  const lb = isObject(obj['status']) ? pick(obj['status'], ['loadBalancer']) : {};
  return { metadata: meta(obj, ['annotations']), spec: s, status: lb };
}

function trimIngress(obj: Json): Json {
  return { metadata: meta(obj), spec: pick(obj['spec'], ['rules', 'backend', 'defaultBackend']) };
}

/** OpenShift Route, reported as *v1.Ingress; the server reads host, path, to and port. */
function trimRoute(obj: Json): Json {
  return { metadata: meta(obj), spec: pick(obj['spec'], ['host', 'path', 'to', 'port', 'tls']) };
}

function trimCustom(obj: Json): Json {
  return {
    metadata: meta(obj, ['ownerReferences']),
    spec: isObject(obj['spec']) ? obj['spec'] : {},
  };
}

/**
 * Trims one object of resource `name`. `apiVersion` and `kind` are always set (list items may lack them),
 * as the agent's typed objects serialise them.
 */
export function trimObject(
  name: string,
  obj: Json,
  typeMeta: { apiVersion: string; kind: string },
): Json {
  let body: Json;
  switch (name) {
    case 'pods':
      body = trimPod(obj);
      break;
    case 'nodes':
      body = trimNode(obj);
      break;
    case 'namespaces':
      body = { metadata: meta(obj) };
      break;
    case 'services':
      body = trimService(obj);
      break;
    case 'deployments':
    case 'statefulsets':
    case 'daemonsets':
    case 'replicationcontrollers':
    case 'clonesets':
    case 'cafedeployments':
      body = { metadata: meta(obj, ['ownerReferences']), spec: workloadSpec(obj['spec']) };
      break;
    case 'replicasets':
    case 'inplacesets':
      body = { metadata: meta(obj, ['ownerReferences']), spec: workloadSpec(obj['spec']) };
      break;
    case 'ingresses':
      body = trimIngress(obj);
      break;
    case 'routes':
      body = trimRoute(obj);
      break;
    case 'configmaps':
      body = { metadata: meta(obj), data: pick(obj, ['data'])['data'] ?? {} };
      break;
    default:
      body = trimCustom(obj);
  }
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...body };
}
