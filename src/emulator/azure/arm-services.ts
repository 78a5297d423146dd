/** VMs and load balancers / application gateways as ARM JSON (databases, caches, hubs: arm-data.ts). */
import type { LoadBalancer, RegionResources } from '../world-types-services.js';
import type { Json } from './arm-network.js';
import { frontendId, publicIpName, vmInterfaces } from './arm-network.js';
import type { ArmIds } from './ids.js';
import { logicalZone } from './ids.js';

const ok = 'Succeeded';

function tracked(
  id: string,
  name: string,
  location: string,
  tags: Readonly<Record<string, string>> = {},
): Json {
  return { id, name, location, tags: { ...tags } };
}

/** `statusOnly=true` adds the instance view (power state). */
export function virtualMachines(res: RegionResources, ids: ArmIds, withStatus: boolean): Json[] {
  const r = res.region;
  const nicsOf = new Map<string, string[]>();
  for (const nic of vmInterfaces(res))
    nicsOf.set(nic.deviceId, [...(nicsOf.get(nic.deviceId) ?? []), nic.id]);
  return [...res.vms].map((vm) => ({
    ...tracked(ids.provider(r, 'Microsoft.Compute', 'virtualMachines', vm.id), vm.name, r, vm.tags),
    type: 'Microsoft.Compute/virtualMachines',
    zones: [logicalZone(vm.zone)],
    properties: {
      provisioningState: ok,
      vmId: vm.reservationId,
      timeCreated: vm.launchTime,
      hardwareProfile: { vmSize: vm.instanceType },
      storageProfile: {
        imageReference: {
          publisher: 'Canonical',
          offer: 'ubuntu-24_04-lts',
          sku: 'server',
          version: 'latest',
        },
      },
      osProfile: { computerName: vm.name },
      networkProfile: {
        networkInterfaces: (nicsOf.get(vm.id) ?? []).map((n, i) => ({
          id: ids.nic(r, n),
          properties: { primary: i === 0 },
        })),
      },
      ...(withStatus
        ? {
            instanceView: {
              statuses: [
                { code: 'ProvisioningState/succeeded' },
                {
                  code: `PowerState/${vm.state === 'stopped' ? 'deallocated' : vm.state === 'pending' ? 'starting' : 'running'}`,
                },
              ],
            },
          }
        : {}),
    },
  }));
}

function frontends(res: RegionResources, ids: ArmIds, lb: LoadBalancer): Json[] {
  const r = res.region;
  const nics = new Map([...res.networkInterfaces].map((n) => [n.id, n]));
  return lb.interfaceIds.map((nicId, i) => {
    const nic = nics.get(nicId);
    const ip = nic?.privateIps[0];
    const pip =
      lb.scheme === 'internet' ? publicIpName(undefined, nicId, 0, ip?.publicIp) : undefined;
    return {
      id: frontendId(res, ids, lb.id, nicId),
      name: `fe-${i}`,
      ...(nic === undefined || lb.type === 'application' ? {} : { zones: [logicalZone(nic.zone)] }),
      properties: {
        provisioningState: ok,
        ...(pip === undefined
          ? {
              privateIPAddress: ip?.ip,
              privateIPAllocationMethod: 'Dynamic',
              ...(nic === undefined
                ? {}
                : { subnet: { id: ids.subnet(r, nic.vpcId, nic.subnetId) } }),
            }
          : { publicIPAddress: { id: ids.network(r, 'publicIPAddresses', pip) } }),
      },
    };
  });
}

/** Per listener: the VM ipconfigs (primary NIC) and plain IPs it forwards to, and the backend port. */
function backends(res: RegionResources, ids: ArmIds, lb: LoadBalancer) {
  const r = res.region;
  const primaryNic = new Map<string, string>();
  for (const nic of vmInterfaces(res))
    if (nic.deviceIndex === 0) primaryNic.set(nic.deviceId, nic.id);
  const vmConfig = (vmId: string): Json[] => {
    const nic = primaryNic.get(vmId);
    return nic === undefined ? [] : [{ id: ids.ipConfig(r, nic, 0) }];
  };
  return lb.listeners.map((l) => {
    const tg = res.targetGroups.find((t) => t.id === l.targetGroupId);
    const configs =
      tg === undefined
        ? lb.instances.flatMap((i) => vmConfig(i.vmId))
        : tg.targets.flatMap((t) => (t.vmId === undefined ? [] : vmConfig(t.vmId)));
    const addresses = (tg?.targets ?? []).filter((t) => t.vmId === undefined).map((t) => t.ip);
    return { listener: l, configs, addresses, port: tg?.port ?? l.instancePort ?? l.port };
  });
}

export function loadBalancers(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.loadBalancers
    .filter((lb) => lb.type !== 'application')
    .map((lb) => {
      const id = ids.network(r, 'loadBalancers', lb.id);
      const pools = backends(res, ids, lb);
      return {
        ...tracked(id, lb.name, r, lb.tags),
        sku: { name: lb.type === 'classic' ? 'Basic' : 'Standard' },
        properties: {
          provisioningState: ok,
          frontendIPConfigurations: frontends(res, ids, lb),
          backendAddressPools: pools.map((p, i) => ({
            id: `${id}/backendAddressPools/pool-${i}`,
            name: `pool-${i}`,
            properties: {
              backendIPConfigurations: p.configs,
              loadBalancerBackendAddresses: p.addresses.map((ip, k) => ({
                name: `addr-${k}`,
                properties: { ipAddress: ip },
              })),
            },
          })),
          loadBalancingRules: pools.map((p, i) => ({
            id: `${id}/loadBalancingRules/${p.listener.id}`,
            name: p.listener.id,
            properties: {
              protocol: p.listener.protocol === 'TCP' ? 'Tcp' : 'Tcp',
              frontendPort: p.listener.port,
              backendPort: p.port,
              frontendIPConfiguration: { id: `${id}/frontendIPConfigurations/fe-0` },
              backendAddressPool: { id: `${id}/backendAddressPools/pool-${i}` },
            },
          })),
        },
      };
    });
}

export function applicationGateways(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.loadBalancers
    .filter((lb) => lb.type === 'application')
    .map((lb) => {
      const id = ids.network(r, 'applicationGateways', lb.id);
      const pools = backends(res, ids, lb);
      const subnet = res.subnets.find((s) => s.id === lb.subnetIds[0]);
      return {
        ...tracked(id, lb.name, r, lb.tags),
        properties: {
          provisioningState: ok,
          sku: { name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 },
          gatewayIPConfigurations:
            subnet === undefined
              ? []
              : [
                  {
                    id: `${id}/gatewayIPConfigurations/gw`,
                    name: 'gw',
                    properties: { subnet: { id: ids.subnet(r, subnet.vpcId, subnet.id) } },
                  },
                ],
          frontendIPConfigurations: frontends(res, ids, lb),
          frontendPorts: pools.map((p, i) => ({
            id: `${id}/frontendPorts/port-${i}`,
            name: `port-${i}`,
            properties: { port: p.listener.port },
          })),
          httpListeners: pools.map((p, i) => ({
            id: `${id}/httpListeners/${p.listener.id}`,
            name: p.listener.id,
            properties: {
              protocol: p.listener.protocol === 'HTTPS' ? 'Https' : 'Http',
              frontendPort: { id: `${id}/frontendPorts/port-${i}` },
              frontendIPConfiguration: { id: `${id}/frontendIPConfigurations/fe-0` },
            },
          })),
          backendAddressPools: pools.map((p, i) => ({
            id: `${id}/backendAddressPools/pool-${i}`,
            name: `pool-${i}`,
            properties: {
              backendIPConfigurations: p.configs,
              backendAddresses: p.addresses.map((ip) => ({ ipAddress: ip })),
            },
          })),
          backendHttpSettingsCollection: pools.map((p, i) => ({
            id: `${id}/backendHttpSettingsCollection/http-${i}`,
            name: `http-${i}`,
            properties: { port: p.port, protocol: 'Http' },
          })),
          requestRoutingRules: pools.map((p, i) => ({
            id: `${id}/requestRoutingRules/rule-${i}`,
            name: `rule-${i}`,
            properties: {
              ruleType: 'Basic',
              priority: 100 + i,
              httpListener: { id: `${id}/httpListeners/${p.listener.id}` },
              backendAddressPool: { id: `${id}/backendAddressPools/pool-${i}` },
              backendHttpSettings: { id: `${id}/backendHttpSettingsCollection/http-${i}` },
            },
          })),
        },
      };
    });
}
