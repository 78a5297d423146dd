/** BCC: regions, zones, instances (with the primary NIC) and security groups. */
import type { SgRule, Vm } from '../world-types.js';
import { hash32, hex32 } from '../random.js';
import type { BaiduCall, Handler } from './call.js';
import { bceTime, pageByMarker, tagList } from './call.js';

const VM_STATUS: Readonly<Record<Vm['state'], string>> = {
  running: 'Running',
  stopped: 'Stopped',
  pending: 'Starting',
};

/** BCC spec names for the world's instance sizes (the first letter picks the family). */
function specOf(instanceType: string): string {
  const size = instanceType.split('.')[1] ?? 'large';
  const mem = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, '2xlarge': 32 }[size] ?? 8;
  return `bcc.g5.c${Math.max(1, mem / 4)}m${mem}`;
}

/** The instance as `GET /v2/instance` lists it; `nicInfo` is the primary NIC. */
export function renderInstance(vm: Vm): Record<string, unknown> {
  const nic = vm.interfaces.find((i) => i.deviceIndex === 0);
  return {
    id: vm.id,
    name: vm.name,
    hostname: vm.name,
    status: VM_STATUS[vm.state],
    instanceType: 'N5',
    spec: specOf(vm.instanceType),
    imageId: vm.imageId,
    internalIp: vm.privateIp,
    publicIp: vm.publicIp ?? '',
    zoneName: vm.zone,
    vpcId: vm.vpcId,
    subnetId: vm.subnetId,
    createTime: bceTime(vm.launchTime),
    tags: tagList(vm.tags),
    ...(nic === undefined
      ? {}
      : {
          nicInfo: {
            eniId: nic.id,
            macAddress: nic.mac,
            vpcId: nic.vpcId,
            subnetId: nic.subnetId,
            ips: nic.privateIps.map((p) => ({
              privateIp: p.ip,
              eip: p.publicIp ?? '',
              eipId: p.publicIpId ?? '',
              primary: p.primary ? 'true' : 'false',
            })),
            securityGroups: nic.securityGroupIds,
          },
        }),
  };
}

function renderRule(rule: SgRule, groupId: string, n: number): Record<string, unknown> {
  const ingress = rule.direction === 'ingress';
  const ports =
    rule.fromPort === undefined ? '' : `${rule.fromPort}-${rule.toPort ?? rule.fromPort}`;
  return {
    securityGroupRuleId: `r-${hex32(hash32(groupId, n))}`,
    direction: rule.direction,
    protocol: rule.protocol === 'all' ? '' : rule.protocol,
    portRange: rule.protocol === 'icmp' ? '' : ports,
    ethertype: 'IPv4',
    remark: rule.description ?? '',
    ...(ingress
      ? { sourceIp: rule.cidr ?? '', sourceGroupId: rule.groupId ?? '' }
      : { destIp: rule.cidr ?? '', destGroupId: rule.groupId ?? '' }),
  };
}

export const BCC_ROUTES: Readonly<Record<string, Handler>> = {
  DescribeRegions: (call: BaiduCall) => ({
    regions: call.world.regions
      .filter((r) => r.enabled)
      .map((r) => ({
        regionId: r.id,
        regionName: r.localName ?? r.id,
        regionEndpoint: `bcc.${r.id}.baidubce.com`,
      })),
  }),
  ListZones: (call) => ({ zones: call.res.zones.map((z) => ({ zoneName: z.id })) }),
  ListInstances: (call) => {
    const page = pageByMarker(call, call.res.vms, (vm) => vm.id);
    return { instances: page.items.map(renderInstance), ...page.fields };
  },
  ListSecurityGroups: (call) => {
    const page = pageByMarker(call, call.res.securityGroups, (g) => g.id);
    return {
      securityGroups: page.items.map((g) => ({
        id: g.id,
        name: g.name,
        vpcId: g.vpcId,
        desc: g.description,
        rules: g.rules.map((r, n) => renderRule(r, g.id, n)),
        tags: tagList(g.tags),
      })),
      ...page.fields,
    };
  },
};
