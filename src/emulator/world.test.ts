import { describe, expect, it } from 'vitest';
import { cidrContains } from './ip.js';
import { countWorld, generateWorld } from './world.js';
import type { RegionResources, World } from './world-types-services.js';

function materialize(world: World): unknown {
  return world.regions.map((r) => {
    const res = world.resources(r.id);
    return {
      ...res,
      vms: [...res.vms],
      networkInterfaces: [...res.networkInterfaces],
      publicIps: [...res.publicIps],
    };
  });
}

/** Every reference of a region that does not resolve, as readable strings. */
function unresolved(world: World, res: RegionResources): string[] {
  const bad: string[] = [];
  const ids = <T>(items: Iterable<T>, id: (t: T) => string) => new Set([...items].map(id));
  const vpcs = ids(res.vpcs, (v) => v.id);
  const subnets = new Map(res.subnets.map((s) => [s.id, s]));
  const zones = ids(res.zones, (z) => z.id);
  const sgs = ids(res.securityGroups, (g) => g.id);
  const rts = ids(res.routeTables, (t) => t.id);
  const vms = ids(res.vms, (v) => v.id);
  const enis = ids(res.networkInterfaces, (e) => e.id);
  const nats = ids(res.natGateways, (n) => n.id);
  const lbs = ids(res.loadBalancers, (l) => l.id);
  const tgs = ids(res.targetGroups, (t) => t.id);
  const rds = ids(res.rdsInstances, (d) => d.id);
  const redis = new Set([
    ...res.redisCaches.flatMap((c) => c.shards.flatMap((s) => s.nodes.map((n) => n.clusterId))),
    ...res.serverlessCaches.map((c) => c.name),
  ]);
  const peerings = ids(world.peerings, (p) => p.id);
  const tgws = ids(res.cloudNetworks, (c) => c.id);
  const igws = ids(res.internetGateways, (g) => g.id);
  const groups = ids(res.subnetGroups, (g) => g.name);
  const k8s = ids(res.kubernetesClusters, (c) => c.name);
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const inSubnet = (subnetId: string, ip: string, what: string) => {
    const s = subnets.get(subnetId);
    check(s !== undefined && cidrContains(s.cidr, ip), `${what}: ${ip} not in ${subnetId}`);
  };
  for (const s of res.subnets) {
    check(vpcs.has(s.vpcId) && zones.has(s.zone) && rts.has(s.routeTableId), `subnet ${s.id}`);
  }
  for (const g of res.securityGroups) {
    check(vpcs.has(g.vpcId), `sg ${g.id} vpc`);
    for (const r of g.rules)
      check(r.groupId === undefined || sgs.has(r.groupId), `sg ${g.id} rule`);
  }
  const targets: Record<string, Set<string>> = {
    internet_gateway: igws,
    nat_gateway: nats,
    peering: peerings,
    cloud_network: tgws,
  };
  for (const t of res.routeTables) {
    check(vpcs.has(t.vpcId), `rt ${t.id} vpc`);
    for (const a of t.associations)
      check(a.subnetId === undefined || subnets.has(a.subnetId), `rt ${t.id} assoc`);
    for (const r of t.routes) {
      check(
        r.target === 'local' || targets[r.target]?.has(r.targetId ?? '') === true,
        `rt ${t.id} → ${r.targetId}`,
      );
    }
  }
  for (const vm of res.vms) {
    check(subnets.get(vm.subnetId)?.vpcId === vm.vpcId && zones.has(vm.zone), `vm ${vm.id}`);
    check(
      vm.securityGroupIds.every((g) => sgs.has(g)),
      `vm ${vm.id} sgs`,
    );
    check(vm.kubernetesCluster === undefined || k8s.has(vm.kubernetesCluster), `vm ${vm.id} k8s`);
    inSubnet(vm.subnetId, vm.privateIp, `vm ${vm.id}`);
    check(
      vm.interfaces.every((e) => enis.has(e.id)),
      `vm ${vm.id} enis`,
    );
  }
  const devices: Record<string, Set<string>> = {
    vm: vms,
    nat_gateway: nats,
    load_balancer: lbs,
    rds_instance: rds,
    redis_instance: redis,
  };
  for (const e of res.networkInterfaces) {
    check(subnets.get(e.subnetId)?.vpcId === e.vpcId, `eni ${e.id} subnet`);
    check(devices[e.deviceKind]?.has(e.deviceId) === true, `eni ${e.id} device ${e.deviceId}`);
    check(
      e.securityGroupIds.every((g) => sgs.has(g)),
      `eni ${e.id} sgs`,
    );
    for (const ip of e.privateIps) inSubnet(e.subnetId, ip.ip, `eni ${e.id}`);
  }
  for (const ip of res.publicIps) {
    check(ip.interfaceId === undefined || enis.has(ip.interfaceId), `public ip ${ip.ip} eni`);
  }
  for (const n of res.natGateways)
    check(subnets.has(n.subnetId) && enis.has(n.interfaceId), `nat ${n.id}`);
  for (const lb of res.loadBalancers) {
    check(
      lb.subnetIds.every((s) => subnets.has(s)) && lb.interfaceIds.every((e) => enis.has(e)),
      `lb ${lb.id}`,
    );
    check(
      lb.listeners.every((l) => l.targetGroupId === undefined || tgs.has(l.targetGroupId)),
      `lb ${lb.id} tg`,
    );
    check(
      lb.instances.every((i) => vms.has(i.vmId)),
      `lb ${lb.id} instances`,
    );
  }
  for (const tg of res.targetGroups) {
    check(
      tg.loadBalancerIds.every((l) => lbs.has(l)),
      `tg ${tg.id} lbs`,
    );
    check(
      tg.targets.every((t) => t.vmId === undefined || vms.has(t.vmId)),
      `tg ${tg.id} targets`,
    );
  }
  for (const d of res.rdsInstances) {
    check(groups.has(d.subnetGroup) && enis.has(d.interfaceId), `rds ${d.id}`);
    inSubnet(d.subnetId, d.privateIp, `rds ${d.id}`);
  }
  for (const c of res.redisCaches) {
    check(groups.has(c.subnetGroup), `redis ${c.id} group`);
    for (const n of c.shards.flatMap((s) => s.nodes))
      check(enis.has(n.interfaceId), `redis node ${n.clusterId}`);
  }
  for (const c of res.serverlessCaches)
    check(
      c.interfaceIds.every((e) => enis.has(e)),
      `serverless ${c.name}`,
    );
  for (const c of res.cloudNetworks) {
    for (const a of c.attachments) check(vpcs.has(a.vpcId), `tgw attachment ${a.id}`);
  }
  for (const c of res.kubernetesClusters) {
    check(vpcs.has(c.vpcId) && c.subnetIds.every((s) => subnets.has(s)), `k8s ${c.name}`);
  }
  for (const p of res.peerings) {
    for (const side of [p.requester, p.accepter]) {
      const other = world.resources(side.region);
      check(
        other.vpcs.some((v) => v.id === side.vpcId && v.cidr === side.cidr),
        `peering ${p.id}`,
      );
    }
  }
  return bad;
}

describe('emulator/world', () => {
  it('is deterministic: the same seed gives the same world, another seed other ids', () => {
    const a = JSON.stringify(
      materialize(generateWorld({ provider: 'aws', scale: 'tiny', seed: 7 })),
    );
    const b = JSON.stringify(
      materialize(generateWorld({ provider: 'aws', scale: 'tiny', seed: 7 })),
    );
    const c = JSON.stringify(
      materialize(generateWorld({ provider: 'aws', scale: 'tiny', seed: 8 })),
    );
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it.each(['tiny', 'small', 'medium'] as const)(
    'resolves every reference of a %s world',
    (scale) => {
      const world = generateWorld({ provider: 'aws', scale });
      for (const r of world.regions)
        expect(unresolved(world, world.resources(r.id)), r.id).toEqual([]);
    },
  );

  it('keeps ids, private IPs per VPC, public IPs and MACs unique', () => {
    const world = generateWorld({ provider: 'aws', scale: 'small' });
    const all = world.regions.map((r) => world.resources(r.id));
    const unique = (values: string[]) => {
      expect(new Set(values).size).toBe(values.length);
    };
    unique(all.flatMap((r) => r.vpcs.map((v) => v.id)));
    unique(all.flatMap((r) => [...r.vms].map((v) => v.id)));
    unique(all.flatMap((r) => [...r.networkInterfaces].map((e) => e.id)));
    unique(all.flatMap((r) => [...r.networkInterfaces].map((e) => e.mac)));
    unique(all.flatMap((r) => [...r.publicIps].map((p) => p.ip)));
    unique(
      all.flatMap((r) =>
        [...r.networkInterfaces].flatMap((e) => e.privateIps.map((ip) => `${e.vpcId}/${ip.ip}`)),
      ),
    );
    unique(all.flatMap((r) => r.vpcs.map((v) => v.cidr)));
  });

  it('uses AWS-like ids and documentation ranges for public IPs', () => {
    const world = generateWorld({ provider: 'aws', scale: 'tiny' });
    const res = world.resources('us-east-1');
    expect(res.vpcs[0]?.id).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(res.vms.at(0)?.id).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(res.rdsInstances[0]?.resourceId).toMatch(/^db-[A-Z2-7]{26}$/);
    for (const ip of res.publicIps)
      expect(ip.ip).toMatch(/^(198\.51\.100|203\.0\.113|192\.0\.2|198\.1[89])\./);
    for (const e of res.networkInterfaces)
      for (const ip of e.privateIps) expect(ip.ip).toMatch(/^10\./);
  });

  it('has the features the adapters must handle in its first tiny region', () => {
    const res = generateWorld({ provider: 'aws', scale: 'tiny' }).resources('us-east-1');
    const pub = [...res.publicIps];
    expect(pub.some((p) => p.allocation === 'elastic' && p.deviceKind === 'vm')).toBe(true);
    expect(pub.some((p) => p.allocation === 'elastic' && p.interfaceId === undefined)).toBe(true);
    expect(pub.some((p) => p.allocation === 'ephemeral' && p.deviceKind === 'vm')).toBe(true);
    expect(new Set(res.natGateways.map((n) => n.connectivity))).toEqual(
      new Set(['public', 'private']),
    );
    expect(new Set(res.loadBalancers.map((l) => l.type))).toEqual(
      new Set(['application', 'network', 'classic']),
    );
    expect(res.targetGroups.some((t) => t.targets.some((x) => x.kind === 'ip'))).toBe(true);
    expect(res.rdsInstances.filter((d) => d.flavor === 'aurora')).toHaveLength(2);
    expect(new Set(res.rdsInstances.map((d) => d.engine))).toEqual(
      new Set(['mysql', 'postgresql', 'sqlserver']),
    );
    expect(new Set(res.redisCaches.map((c) => c.mode))).toEqual(
      new Set(['replication', 'cluster', 'standalone']),
    );
    expect(res.serverlessCaches.length).toBeGreaterThan(0);
    expect(
      res.securityGroups.some((g) =>
        g.rules.some((r) => r.groupId !== undefined && r.groupId !== g.id),
      ),
    ).toBe(true);
    const regions = new Set(res.peerings.map((p) => `${p.requester.region}>${p.accepter.region}`));
    expect(regions).toEqual(new Set(['us-east-1>us-east-1', 'us-east-1>eu-west-1']));
    expect(new Set(res.routeTables.flatMap((t) => t.routes.map((r) => r.target)))).toEqual(
      new Set(['local', 'internet_gateway', 'nat_gateway', 'peering', 'cloud_network']),
    );
    expect([...res.vms].some((v) => v.kubernetesCluster !== undefined)).toBe(true);
    expect(new Set([...res.vms].map((v) => v.state))).toEqual(new Set(['running', 'stopped']));
  });

  it('gives tiny and small worlds enabled regions plus one not opted in, which is empty', () => {
    const tiny = generateWorld({ provider: 'aws', scale: 'tiny' });
    expect(tiny.regions.map((r) => [r.id, r.enabled])).toEqual([
      ['us-east-1', true],
      ['eu-west-1', true],
      ['af-south-1', false],
    ]);
    expect(tiny.resources('af-south-1').vpcs).toEqual([]);
    expect(tiny.resources('xx-nowhere-1').vms.length).toBe(0);
    const small = generateWorld({ provider: 'aws', scale: 'small' });
    expect(small.regions.filter((r) => r.enabled)).toHaveLength(3);
    expect(small.regions.filter((r) => !r.enabled)).toHaveLength(1);
    expect(countWorld(small)['vms']).toBeGreaterThanOrEqual(36);
  });

  it('generates a large world lazily: ≥20 regions and ≥200,000 VMs without building them', () => {
    const t0 = performance.now();
    const world = generateWorld({ provider: 'aws', scale: 'large' });
    const enabled = world.regions.filter((r) => r.enabled);
    expect(enabled.length).toBeGreaterThanOrEqual(20);
    expect(enabled.reduce((n, r) => n + world.vmCount(r.id), 0)).toBeGreaterThanOrEqual(200_000);
    const last = enabled.at(-1);
    const res = world.resources(last?.id ?? '');
    const vm = res.vms.at(res.vms.length - 1);
    expect(vm?.privateIp).toMatch(/^10\./);
    expect(res.networkInterfaces.at(res.networkInterfaces.length - 1)?.id).toMatch(/^eni-/);
    expect(res.publicIps.at(res.publicIps.length - 1)?.ip).toMatch(/^198\.1[89]\./);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('a kept (warm) world serves the same resources, each VM built once', () => {
    const cold = generateWorld({ provider: 'aws', scale: 'small', seed: 9 });
    const warm = generateWorld({ provider: 'aws', scale: 'small', seed: 9, keep: true });
    const walked = warm.warm();
    let expected = 0;
    for (const r of warm.regions.filter((x) => x.enabled)) {
      const w = warm.resources(r.id);
      const c = cold.resources(r.id);
      expected += w.vms.length + w.networkInterfaces.length + w.publicIps.length;
      expect([...w.vms]).toEqual([...c.vms]);
      expect([...w.networkInterfaces]).toEqual([...c.networkInterfaces]);
      expect([...w.publicIps]).toEqual([...c.publicIps]);
      // Kept: the same object on every access; the cold world builds a new one each time.
      expect(w.vms.at(0)).toBe(w.vms.at(0));
      expect(c.vms.at(0)).not.toBe(c.vms.at(0));
    }
    expect(walked).toBe(expected);
    expect(walked).toBeGreaterThan(0);
  });

  it('takes explicit regions and native ids for other providers', () => {
    const world = generateWorld({
      provider: 'aliyun',
      scale: 'tiny',
      regions: [
        { id: 'cn-hangzhou', localName: '华东1（杭州）', enabled: true },
        { id: 'cn-shanghai', enabled: true },
        { id: 'cn-wulanchabu', enabled: false },
      ],
      nativeId: (kind, n, region) => `${kind}-${region}-${n}`,
    });
    const res = world.resources('cn-hangzhou');
    expect(res.vpcs[0]?.id).toBe('vpc-cn-hangzhou-0');
    expect(unresolved(world, res)).toEqual([]);
  });
});
