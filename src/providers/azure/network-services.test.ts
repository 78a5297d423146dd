import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedNatGateway, mapNatGateway } from './nat-gateway.js';
import { ipConfigIndex } from './network-interface.js';
import { isListedPublicIp, mapPublicIp } from './public-ip.js';
import { isListedRouteTable, mapRouteTable } from './route-table.js';
import { mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const S =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers/Microsoft.Network';
const SUBNET = `${S}/virtualNetworks/hub/subnets/app`;
const NIC = `${S}/networkInterfaces/web-nic`;
const VM =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/web';
const id = (kind: string, arm: string) => `azure/prod/eastus/${kind}/${arm.toLowerCase()}`;

const configs = ipConfigIndex([
  {
    id: NIC,
    virtualMachine: { id: VM },
    ipConfigurations: [
      {
        id: `${NIC}/ipConfigurations/ipconfig1`,
        privateIPAddress: '10.0.1.4',
        subnet: { id: SUBNET },
      },
    ],
  },
]);

describe('azure/public_ip', () => {
  it('attaches an address to the VM behind its NIC ip configuration', () => {
    const raw = {
      id: `${S}/publicIPAddresses/web-ip`,
      name: 'web-ip',
      ipAddress: '198.51.100.7',
      publicIPAllocationMethod: 'Static',
      ipConfiguration: { id: `${NIC}/ipConfigurations/IPCONFIG1` },
    };
    expect(KIND_SCHEMAS.public_ip.parse(mapPublicIp(raw, configs, ctx))).toMatchObject({
      ip: '198.51.100.7',
      allocation: 'elastic',
      device_kind: 'vm',
      device_id: id('vm', VM),
      interface_id: id('network_interface', NIC),
      private_ip: '10.0.1.4',
    });
  });

  it('attaches to a NAT gateway or a load balancer frontend, and skips an address-less resource', () => {
    const nat = mapPublicIp(
      {
        id: `${S}/publicIPAddresses/n`,
        ipAddress: '198.51.100.8',
        natGateway: { id: `${S}/natGateways/ng` },
      },
      configs,
      ctx,
    );
    expect(nat).toMatchObject({
      device_kind: 'nat_gateway',
      device_id: id('nat_gateway', `${S}/natGateways/ng`),
      allocation: 'ephemeral',
    });
    const fe = `${S}/loadBalancers/lb/frontendIPConfigurations/fe`;
    const lb = mapPublicIp(
      { id: `${S}/publicIPAddresses/l`, ipAddress: '198.51.100.9', ipConfiguration: { id: fe } },
      configs,
      ctx,
    );
    expect(lb).toMatchObject({
      device_kind: 'load_balancer',
      device_id: id('load_balancer', `${S}/loadBalancers/lb`),
      interface_id: id('network_interface', fe),
    });
    expect(isListedPublicIp({ id: 'x' })).toBe(false);
  });
});

describe('azure/security_group', () => {
  it('maps rules: CIDRs, service tags as remote, any protocol / port, defaults after own rules', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        {
          id: `${S}/networkSecurityGroups/web`,
          name: 'web',
          securityRules: [
            {
              direction: 'Inbound',
              protocol: 'Tcp',
              access: 'Allow',
              priority: 100,
              sourceAddressPrefix: '203.0.113.0/24',
              destinationPortRange: '443',
            },
            {
              direction: 'Outbound',
              protocol: '*',
              access: 'Deny',
              priority: 200,
              destinationAddressPrefix: 'Internet',
              destinationPortRange: '*',
            },
          ],
          defaultSecurityRules: [
            {
              direction: 'Inbound',
              protocol: '*',
              access: 'Deny',
              priority: 65500,
              sourceAddressPrefix: '*',
            },
          ],
        },
        ctx,
      ),
    );
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        port_range: '443',
        cidr: '203.0.113.0/24',
        action: 'allow',
        priority: 100,
      },
      { direction: 'egress', protocol: 'all', remote: 'Internet', action: 'deny', priority: 200 },
      { direction: 'ingress', protocol: 'all', cidr: '0.0.0.0/0', action: 'deny', priority: 65500 },
    ]);
    expect(sg.vpc_id).toBeUndefined();
  });
});

describe('azure/route_table', () => {
  it('belongs to the VNet of its subnets and maps next hops', () => {
    const raw = {
      id: `${S}/routeTables/rt`,
      subnets: [{ id: SUBNET }],
      routes: [
        { addressPrefix: '10.0.0.0/16', nextHopType: 'VnetLocal' },
        {
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.9.4',
        },
        { addressPrefix: '192.0.2.0/24', nextHopType: 'None' },
      ],
    };
    expect(isListedRouteTable(raw)).toBe(true);
    expect(KIND_SCHEMAS.route_table.parse(mapRouteTable(raw, ctx))).toMatchObject({
      vpc_id: id('vpc', `${S}/virtualNetworks/hub`),
      subnet_ids: [id('subnet', SUBNET)],
      routes: [
        { destination: '10.0.0.0/16', next_hop_type: 'local', state: 'active' },
        {
          destination: '0.0.0.0/0',
          next_hop_type: 'instance',
          next_hop: '10.0.9.4',
          state: 'active',
        },
        { destination: '192.0.2.0/24', next_hop_type: 'other', state: 'blackhole' },
      ],
    });
    expect(isListedRouteTable({ id: 'x', subnets: [] })).toBe(false);
  });
});

describe('azure/nat_gateway', () => {
  it('takes its addresses from the public IP listing and its VNet from its subnets', () => {
    const raw = {
      id: `${S}/natGateways/ng`,
      zones: ['1'],
      provisioningState: 'Succeeded',
      subnets: [{ id: SUBNET }],
      publicIpAddresses: [{ id: `${S}/publicIPAddresses/NG-IP` }],
    };
    const ips = new Map([[`${S}/publicIPAddresses/ng-ip`.toLowerCase(), '198.51.100.10']]);
    expect(isListedNatGateway(raw)).toBe(true);
    expect(KIND_SCHEMAS.nat_gateway.parse(mapNatGateway(raw, ips, ctx))).toMatchObject({
      vpc_id: id('vpc', `${S}/virtualNetworks/hub`),
      zone_id: 'azure/prod/eastus/zone/1',
      connectivity: 'public',
      public_ips: ['198.51.100.10'],
      state: 'available',
    });
    expect(isListedNatGateway({ id: 'x' })).toBe(false);
  });
});
