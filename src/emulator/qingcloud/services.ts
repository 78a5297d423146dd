/** Managed-service actions: load balancers (listeners, backends), RDBs, caches and QKE clusters. */
import type { NetworkInterface } from '../world-types.js';
import type { RegionResources } from '../world-types-services.js';
import type { Handler, QingcloudCall } from './call.js';
import { byStatus, listParam } from './call.js';
import { eipIdOf, stamp, tagsOf } from './network.js';
import { qingcloudId } from './shape.js';

interface Backend {
  readonly listenerId: string;
  readonly body: Record<string, unknown>;
}

/** Backends of every listener of a region, numbered once (their ids are stable across pages). */
const BACKENDS = new WeakMap<RegionResources, Backend[]>();

function backendsOf(call: QingcloudCall): Backend[] {
  const hit = BACKENDS.get(call.res);
  if (hit !== undefined) return hit;
  const vmIps = new Map<string, string>();
  for (const vm of call.res.vms) vmIps.set(vm.id, vm.privateIp);
  const out: Backend[] = [];
  const id = (): string => qingcloudId(call.world.seed, call.regionIndex, 'backend', out.length);
  for (const lb of call.res.loadBalancers) {
    for (const l of lb.listeners) {
      const group = call.res.targetGroups.find((g) => g.id === l.targetGroupId);
      for (const t of group?.targets ?? []) {
        const resource = t.kind === 'vm' && t.vmId !== undefined ? t.vmId : t.ip;
        const status =
          t.health === 'healthy' ? 'up' : t.health === 'unhealthy' ? 'down' : 'unavailable';
        out.push({
          listenerId: l.id,
          body: {
            loadbalancer_backend_id: id(),
            resource_id: resource,
            private_ip: t.ip,
            port: t.port,
            weight: 1,
            status,
            disabled: 0,
          },
        });
      }
      for (const inst of group === undefined ? lb.instances : []) {
        out.push({
          listenerId: l.id,
          body: {
            loadbalancer_backend_id: id(),
            resource_id: inst.vmId,
            private_ip: vmIps.get(inst.vmId) ?? '',
            port: l.instancePort ?? l.port,
            weight: 1,
            status: inst.health === 'in_service' ? 'up' : 'down',
            disabled: 0,
          },
        });
      }
    }
  }
  BACKENDS.set(call.res, out);
  return out;
}

function interfacesById(
  res: RegionResources,
  ids: ReadonlySet<string>,
): Map<string, NetworkInterface> {
  const out = new Map<string, NetworkInterface>();
  for (const nic of res.networkInterfaces) if (ids.has(nic.id)) out.set(nic.id, nic);
  return out;
}

export const SERVICE_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeLoadBalancers: (call) => {
    const nics = interfacesById(
      call.res,
      new Set(call.res.loadBalancers.flatMap((lb) => lb.interfaceIds)),
    );
    const eips = new Map<string, { eip_id: string; eip_addr: string }[]>();
    for (const p of call.res.publicIps) {
      if (p.deviceKind !== 'load_balancer' || p.deviceId === undefined) continue;
      eips.set(p.deviceId, [
        ...(eips.get(p.deviceId) ?? []),
        { eip_id: eipIdOf(p), eip_addr: p.ip },
      ]);
    }
    const lbs = call.res.loadBalancers.map((lb) => {
      const nic = lb.interfaceIds.map((i) => nics.get(i)).find((n) => n !== undefined);
      const vxnet = nic?.subnetId ?? lb.subnetIds[0] ?? '';
      return {
        loadbalancer_id: lb.id,
        loadbalancer_name: lb.name,
        loadbalancer_type: lb.type === 'network' ? 3 : 1,
        status: 'active',
        vxnet_id: vxnet,
        private_ips: nic === undefined ? [] : nic.privateIps.map((ip) => ip.ip),
        eips: eips.get(lb.id) ?? [],
        create_time: stamp(lb.createdAt),
        tags: tagsOf(call, lb.tags),
      };
    });
    return { key: 'loadbalancer_set', items: byStatus(call, lbs) };
  },
  DescribeLoadBalancerListeners: (call) => {
    const only = call.params['loadbalancer'];
    const listeners = call.res.loadBalancers
      .filter((lb) => only === undefined || lb.id === only)
      .flatMap((lb) =>
        lb.listeners.map((l) => ({
          loadbalancer_listener_id: l.id,
          loadbalancer_listener_name: `${l.protocol.toLowerCase()}-${l.port}`,
          loadbalancer_id: lb.id,
          listener_protocol: l.protocol.toLowerCase(),
          listener_port: l.port,
        })),
      );
    return { key: 'loadbalancer_listener_set', items: listeners };
  },
  DescribeLoadBalancerBackends: (call) => {
    const listener = call.params['loadbalancer_listener'];
    const all = backendsOf(call);
    return {
      key: 'loadbalancer_backend_set',
      items: all
        .filter((b) => listener === undefined || b.listenerId === listener)
        .map((b) => b.body),
    };
  },
  DescribeRDBs: (call) => {
    const rdbs = call.res.rdsInstances
      .filter((r) => r.engine !== 'sqlserver')
      .map((r) => ({
        rdb_id: r.resourceId,
        rdb_name: r.id,
        rdb_engine: r.engine === 'postgresql' ? 'psql' : 'mysql',
        engine_version: r.engineVersion,
        status: r.state === 'available' ? 'active' : 'stopped',
        rdb_type: r.flavor === 'aurora' ? 2 : 1,
        storage_size: r.storageGb,
        vxnet: { vxnet_id: r.subnetId },
        master_ip: r.privateIp,
        create_time: stamp(r.createdAt),
        tags: tagsOf(call, r.tags),
      }));
    return { key: 'rdb_set', items: byStatus(call, rdbs) };
  },
  DescribeCaches: (call) => {
    let nodeN = 0;
    const caches = call.res.redisCaches.map((c, k) => {
      const nodes = c.shards.flatMap((s) => s.nodes);
      const first = nodes[0];
      return {
        cache_id: qingcloudId(call.world.seed, call.regionIndex, 'cache', k),
        cache_name: c.id,
        cache_type: `${c.mode === 'cluster' ? 'redis-cluster' : 'redis'}${c.engineVersion}`,
        status: 'active',
        cache_port: c.port,
        node_count: nodes.length,
        vxnet: { vxnet_id: first?.subnetId ?? '' },
        nodes: nodes.map((n) => ({
          cache_node_id: qingcloudId(call.world.seed, call.regionIndex, 'cache_node', nodeN++),
          private_ip: n.privateIp,
          cache_role: n.role === 'primary' ? 'master' : 'slave',
        })),
        create_time: stamp(c.createdAt),
        tags: [],
      };
    });
    return { key: 'cache_set', items: byStatus(call, caches) };
  },
  DescribeClusters: (call) => {
    const service = call.params['service'];
    const clusters = call.res.kubernetesClusters.map((k) => ({
      cluster_id: k.id,
      name: k.name,
      status: k.status === 'active' ? 'active' : 'pending',
      app_info: { app_id: 'app-cmgbd5k0', app_name: 'KubeSphere（QKE）' },
      app_version_info: { version_id: `appv-qke-${k.version}`, name: k.version },
      vxnet: { vxnet_id: k.subnetIds[0] ?? '', vpc_router_id: k.vpcId },
      create_time: stamp(k.createdAt),
      tags: tagsOf(call, k.tags),
    }));
    const ids = listParam(call, 'clusters');
    return {
      key: 'cluster_set',
      items: byStatus(call, clusters).filter(
        (c) =>
          (service === undefined || service === 'qke') &&
          (ids === undefined || ids.includes(c.cluster_id)),
      ),
    };
  },
};
