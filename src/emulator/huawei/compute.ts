/** ECS handlers: AZs (Nova) and servers (ECS v1 `cloudservers/detail`, offset = page number). */
import type { Vm } from '../world-types.js';
import type { Handler } from './call.js';
import { pageByOffset } from './call.js';

const STATUS: Readonly<Record<Vm['state'], string>> = {
  running: 'ACTIVE',
  stopped: 'SHUTOFF',
  pending: 'BUILD',
};

function renderServer(vm: Vm): Record<string, unknown> {
  const addresses = vm.interfaces.flatMap((e) =>
    e.privateIps.flatMap((ip) => [
      {
        addr: ip.ip,
        version: '4',
        'OS-EXT-IPS:type': 'fixed',
        'OS-EXT-IPS:port_id': e.id,
        'OS-EXT-IPS-MAC:mac_addr': e.mac,
        primary: e.deviceIndex === 0 && ip.primary,
      },
      ...(ip.publicIp === undefined
        ? []
        : [
            {
              addr: ip.publicIp,
              version: '4',
              'OS-EXT-IPS:type': 'floating',
              'OS-EXT-IPS:port_id': e.id,
              'OS-EXT-IPS-MAC:mac_addr': e.mac,
            },
          ]),
    ]),
  );
  return {
    id: vm.id,
    name: vm.name,
    status: STATUS[vm.state],
    created: vm.launchTime.replace(/\.\d+Z$/, 'Z'),
    flavor: { id: vm.instanceType, name: vm.instanceType },
    image: { id: vm.imageId },
    metadata: { vpc_id: vm.vpcId },
    addresses: { [vm.vpcId]: addresses },
    security_groups: vm.securityGroupIds.map((id) => ({ id, name: id })),
    tags: Object.entries(vm.tags).map(([k, v]) => `${k}=${v}`),
    'OS-EXT-AZ:availability_zone': vm.zone,
    'OS-EXT-SRV-ATTR:hostname': vm.name.toLowerCase(),
  };
}

export const ECS_HANDLERS: Readonly<Record<string, Handler>> = {
  NovaListAvailabilityZones: (call) => ({
    availabilityZoneInfo: call.res.zones.map((z) => ({
      zoneName: z.id,
      zoneState: { available: true },
      hosts: null,
    })),
  }),
  ListServersDetails: (call) => {
    const page = pageByOffset(call, call.res.vms, 1000, 'page');
    return { count: page.total, servers: page.items.map(renderServer) };
  },
};
