/** VNets (with subnets and peerings), NICs, public IPs, NSGs, route tables and NAT gateways as ARM JSON. */
import type { RegionResources, World } from '../world-types-services.js';
import type { NetworkInterface, SgRule } from '../world-types.js';
import type { ArmIds } from './ids.js';
import { armMac, logicalZone } from './ids.js';

export type Json = Record<string, unknown>;

const ok = 'Succeeded';

function resource(
  id: string,
  name: string,
  region: string,
  tags: Readonly<Record<string, string>>,
  type: string,
): Json {
  return { id, name, type, location: region, tags: { ...tags }, etag: 'W/"1"' };
}

export function virtualNetworks(res: RegionResources, world: World, ids: ArmIds): Json[] {
  const r = res.region;
  return res.vpcs.map((vpc) => {
    const peerings = world.peerings.flatMap((p) => {
      const sides = [
        [p.requester, p.accepter],
        [p.accepter, p.requester],
      ] as const;
      return sides.flatMap(([local, remote]) =>
        local.region === r && local.vpcId === vpc.id && local.accountId === world.accountId
          ? [
              {
                id: `${ids.vnet(r, vpc.id)}/virtualNetworkPeerings/${p.id}`,
                name: p.id,
                properties: {
                  provisioningState: ok,
                  peeringState: p.state === 'active' ? 'Connected' : 'Initiated',
                  remoteVirtualNetwork: {
                    id: ids.vnet(remote.region, remote.vpcId, ids.subscriptionOf(remote.accountId)),
                  },
                  remoteAddressSpace: { addressPrefixes: [remote.cidr] },
                },
              },
            ]
          : [],
      );
    });
    return {
      ...resource(ids.vnet(r, vpc.id), vpc.name, r, vpc.tags, 'Microsoft.Network/virtualNetworks'),
      properties: {
        provisioningState: ok,
        addressSpace: { addressPrefixes: [vpc.cidr] },
        subnets: res.subnets
          .filter((s) => s.vpcId === vpc.id)
          .map((s) => {
            const table = res.routeTables.find((t) => t.id === s.routeTableId);
            return {
              id: ids.subnet(r, vpc.id, s.id),
              name: s.name,
              properties: {
                provisioningState: ok,
                addressPrefix: s.cidr,
                ...(table === undefined
                  ? {}
                  : { routeTable: { id: ids.network(r, 'routeTables', table.id) } }),
              },
            };
          }),
        virtualNetworkPeerings: peerings,
      },
    };
  });
}

/** VM NICs only: Azure's own services do not show NICs in the subscription. */
export function vmInterfaces(res: RegionResources): NetworkInterface[] {
  return [...res.networkInterfaces].filter((n) => n.deviceKind === 'vm');
}

export function networkInterfaces(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return vmInterfaces(res).map((nic) => ({
    ...resource(ids.nic(r, nic.id), nic.id, r, {}, 'Microsoft.Network/networkInterfaces'),
    properties: {
      provisioningState: ok,
      macAddress: armMac(nic.mac),
      primary: nic.deviceIndex === 0,
      // ARM spells the resource group of references as it was given at creation: upper case here.
      virtualMachine: {
        id: ids
          .provider(r, 'Microsoft.Compute', 'virtualMachines', nic.deviceId)
          .replace(`rg-${r}`, `RG-${r.toUpperCase()}`),
      },
      ...(nic.securityGroupIds[0] === undefined
        ? {}
        : {
            networkSecurityGroup: {
              id: ids.network(r, 'networkSecurityGroups', nic.securityGroupIds[0]),
            },
          }),
      ipConfigurations: nic.privateIps.map((ip, i) => {
        const pip = publicIpName(ip.publicIpId, nic.id, i, ip.publicIp);
        return {
          id: ids.ipConfig(r, nic.id, i),
          name: `ipconfig${i + 1}`,
          properties: {
            provisioningState: ok,
            privateIPAddress: ip.ip,
            privateIPAllocationMethod: 'Dynamic',
            primary: ip.primary,
            subnet: { id: ids.subnet(r, nic.vpcId, nic.subnetId) },
            ...(pip === undefined
              ? {}
              : { publicIPAddress: { id: ids.network(r, 'publicIPAddresses', pip) } }),
          },
        };
      }),
    },
  }));
}

/** The public IP resource name of an address: its allocation id, else one named after its NIC. */
export function publicIpName(
  id: string | undefined,
  nicId: string | undefined,
  index: number,
  ip: string | undefined,
): string | undefined {
  if (ip === undefined) return undefined;
  if (id !== undefined) return id;
  return nicId === undefined ? undefined : `pip-${nicId}-${index}`;
}

export function publicIpAddresses(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  const nics = new Map([...res.networkInterfaces].map((n) => [n.id, n]));
  const out: Json[] = [];
  for (const p of res.publicIps) {
    const nic = p.interfaceId === undefined ? undefined : nics.get(p.interfaceId);
    const index = Math.max(0, nic?.privateIps.findIndex((x) => x.ip === p.privateIp) ?? 0);
    const name = publicIpName(p.id, p.interfaceId, index, p.ip);
    if (name === undefined) continue;
    let attach: Json = {};
    if (p.deviceKind === 'nat_gateway' && p.deviceId !== undefined) {
      attach = { natGateway: { id: ids.network(r, 'natGateways', p.deviceId) } };
    } else if (p.deviceKind === 'vm' && nic !== undefined) {
      attach = { ipConfiguration: { id: ids.ipConfig(r, nic.id, index) } };
    } else if (p.deviceKind === 'load_balancer' && nic !== undefined && p.deviceId !== undefined) {
      attach = { ipConfiguration: { id: frontendId(res, ids, p.deviceId, nic.id) } };
    }
    out.push({
      ...resource(
        ids.network(r, 'publicIPAddresses', name),
        name,
        r,
        p.tags,
        'Microsoft.Network/publicIPAddresses',
      ),
      sku: { name: 'Standard' },
      properties: {
        provisioningState: ok,
        ipAddress: p.ip,
        publicIPAllocationMethod: p.allocation === 'elastic' ? 'Static' : 'Dynamic',
        ...attach,
      },
    });
  }
  return out;
}

/** The frontend ip configuration of a load balancer / application gateway for one of its interfaces. */
export function frontendId(res: RegionResources, ids: ArmIds, lbId: string, nicId: string): string {
  const lb = res.loadBalancers.find((l) => l.id === lbId);
  const type = lb?.type === 'application' ? 'applicationGateways' : 'loadBalancers';
  const index = Math.max(0, lb?.interfaceIds.indexOf(nicId) ?? 0);
  return `${ids.network(res.region, type, lbId)}/frontendIPConfigurations/fe-${index}`;
}

function rule(r: SgRule, i: number): Json {
  const ports =
    r.fromPort === undefined
      ? '*'
      : r.fromPort === r.toPort
        ? String(r.fromPort)
        : `${r.fromPort}-${r.toPort ?? r.fromPort}`;
  const remote = r.cidr ?? (r.groupId === undefined ? '*' : 'VirtualNetwork');
  const ingress = r.direction === 'ingress';
  return {
    name: `rule-${i}`,
    properties: {
      provisioningState: ok,
      protocol:
        r.protocol === 'all' ? '*' : (r.protocol[0] ?? '').toUpperCase() + r.protocol.slice(1),
      direction: ingress ? 'Inbound' : 'Outbound',
      access: 'Allow',
      priority: 100 + i * 10,
      sourcePortRange: '*',
      destinationPortRange: ports,
      sourceAddressPrefix: ingress ? remote : '*',
      destinationAddressPrefix: ingress ? '*' : remote,
      ...(r.description === undefined ? {} : { description: r.description }),
    },
  };
}

export function networkSecurityGroups(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.securityGroups.map((sg) => {
    const id = ids.network(r, 'networkSecurityGroups', sg.id);
    return {
      ...resource(id, sg.name, r, sg.tags, 'Microsoft.Network/networkSecurityGroups'),
      properties: {
        provisioningState: ok,
        securityRules: sg.rules.map((x, i) => ({
          id: `${id}/securityRules/rule-${i}`,
          ...rule(x, i),
        })),
        defaultSecurityRules: [
          {
            id: `${id}/defaultSecurityRules/DenyAllInBound`,
            name: 'DenyAllInBound',
            properties: {
              protocol: '*',
              direction: 'Inbound',
              access: 'Deny',
              priority: 65500,
              sourceAddressPrefix: '*',
              destinationAddressPrefix: '*',
              destinationPortRange: '*',
            },
          },
        ],
      },
    };
  });
}

const NEXT_HOP: Readonly<Record<string, string>> = {
  local: 'VnetLocal',
  internet_gateway: 'Internet',
  nat_gateway: 'Internet',
  peering: 'VirtualAppliance',
  cloud_network: 'VirtualNetworkGateway',
};

/** Route tables with at least one subnet (Azure has no main table: unassociated subnets use system routes). */
export function routeTables(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.routeTables.flatMap((t) => {
    const subnets = res.subnets.filter((s) => s.routeTableId === t.id);
    if (subnets.length === 0) return [];
    const id = ids.network(r, 'routeTables', t.id);
    return [
      {
        ...resource(id, t.name ?? t.id, r, t.tags, 'Microsoft.Network/routeTables'),
        properties: {
          provisioningState: ok,
          routes: t.routes.map((x, i) => ({
            id: `${id}/routes/route-${i}`,
            name: `route-${i}`,
            properties: {
              addressPrefix: x.destination,
              nextHopType: x.state === 'blackhole' ? 'None' : (NEXT_HOP[x.target] ?? 'None'),
              ...(x.target === 'peering' ? { nextHopIpAddress: '10.255.0.4' } : {}),
            },
          })),
          subnets: subnets.map((s) => ({ id: ids.subnet(r, s.vpcId, s.id) })),
        },
      },
    ];
  });
}

export function natGateways(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.natGateways.map((n) => ({
    ...resource(
      ids.network(r, 'natGateways', n.id),
      n.name,
      r,
      n.tags,
      'Microsoft.Network/natGateways',
    ),
    sku: { name: 'Standard' },
    zones: [logicalZone(n.zone)],
    properties: {
      provisioningState: n.state === 'available' ? ok : 'Updating',
      subnets: [{ id: ids.subnet(r, n.vpcId, n.subnetId) }],
      publicIpAddresses:
        n.publicIpId === undefined
          ? []
          : [{ id: ids.network(r, 'publicIPAddresses', n.publicIpId) }],
    },
  }));
}
