import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapApplicationGateway } from './application-gateway.js';
import { mapFrontendInterface, mapLoadBalancer } from './load-balancer.js';
import { ipConfigIndex } from './network-interface.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const S =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers/Microsoft.Network';
const SUBNET = `${S}/virtualNetworks/hub/subnets/app`;
const NIC = `${S}/networkInterfaces/web-nic`;
const CONFIG = `${NIC}/ipConfigurations/ipconfig1`;
const VM =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/web';
const id = (kind: string, arm: string) => `azure/prod/eastus/${kind}/${arm.toLowerCase()}`;
const configs = ipConfigIndex([
  {
    id: NIC,
    virtualMachine: { id: VM },
    ipConfigurations: [{ id: CONFIG, privateIPAddress: '10.0.1.4', subnet: { id: SUBNET } }],
  },
]);

describe('azure/load_balancer', () => {
  const LB = `${S}/loadBalancers/web-lb`;
  const raw = {
    id: LB,
    name: 'web-lb',
    provisioningState: 'Succeeded',
    frontendIPConfigurations: [
      {
        id: `${LB}/frontendIPConfigurations/fe`,
        name: 'fe',
        publicIPAddress: { id: `${S}/publicIPAddresses/lb-ip` },
        zones: ['1'],
      },
    ],
    backendAddressPools: [
      {
        id: `${LB}/backendAddressPools/pool`,
        backendIPConfigurations: [{ id: CONFIG }],
        loadBalancerBackendAddresses: [{ name: 'a', ipAddress: '10.0.2.9' }],
      },
    ],
    loadBalancingRules: [
      {
        id: `${LB}/loadBalancingRules/https`,
        name: 'https',
        protocol: 'Tcp',
        frontendPort: 443,
        backendPort: 8443,
        backendAddressPool: { id: `${LB}/backendAddressPools/POOL` },
      },
    ],
  };

  it('maps rules to listeners with VM and IP targets; a public LB takes its VNet from its backends', () => {
    const ips = new Map([[`${S}/publicIPAddresses/lb-ip`.toLowerCase(), '198.51.100.20']]);
    const lb = KIND_SCHEMAS.load_balancer.parse(mapLoadBalancer(raw, configs, ips, ctx));
    expect(lb).toMatchObject({
      type: 'network',
      scheme: 'internet',
      vips: ['198.51.100.20'],
      vpc_id: id('vpc', `${S}/virtualNetworks/hub`),
      zone_ids: ['azure/prod/eastus/zone/1'],
      listeners: [
        {
          name: 'https',
          protocol: 'tcp',
          port: 443,
          targets: [
            {
              type: 'vm',
              vm_id: id('vm', VM),
              ip: '10.0.1.4',
              port: 8443,
              health: 'unknown',
              native_id: CONFIG.toLowerCase(),
            },
            { type: 'ip', ip: '10.0.2.9', port: 8443, health: 'unknown', native_id: 'a' },
          ],
        },
      ],
    });
  });

  it('gives every frontend an interface of the balancer', () => {
    const nic = KIND_SCHEMAS.network_interface.parse(
      mapFrontendInterface(
        {
          id: `${LB}/frontendIPConfigurations/in`,
          privateIPAddress: '10.0.1.100',
          subnet: { id: SUBNET },
        },
        LB.toLowerCase(),
        ctx,
      ),
    );
    expect(nic).toMatchObject({
      device_kind: 'load_balancer',
      device_id: id('load_balancer', LB),
      private_ips: ['10.0.1.100'],
      subnet_id: id('subnet', SUBNET),
    });
  });
});

describe('azure/load_balancer (application gateway)', () => {
  it('maps HTTP listeners with the backend pool and port of their routing rule', () => {
    const G = `${S}/applicationGateways/agw`;
    const gw = KIND_SCHEMAS.load_balancer.parse(
      mapApplicationGateway(
        {
          id: G,
          name: 'agw',
          gatewayIPConfigurations: [{ subnet: { id: SUBNET } }],
          frontendIPConfigurations: [
            {
              id: `${G}/frontendIPConfigurations/fe`,
              privateIPAddress: '10.0.1.50',
              subnet: { id: SUBNET },
            },
          ],
          frontendPorts: [{ id: `${G}/frontendPorts/p80`, port: 80 }],
          httpListeners: [
            {
              id: `${G}/httpListeners/web`,
              name: 'web',
              protocol: 'Http',
              frontendPort: { id: `${G}/frontendPorts/p80` },
            },
          ],
          backendAddressPools: [
            {
              id: `${G}/backendAddressPools/pool`,
              backendIPConfigurations: [{ id: CONFIG }],
              backendAddresses: [{ fqdn: 'api.example.com' }],
            },
          ],
          backendHttpSettingsCollection: [
            { id: `${G}/backendHttpSettingsCollection/s`, port: 8080 },
          ],
          requestRoutingRules: [
            {
              httpListener: { id: `${G}/httpListeners/web` },
              backendAddressPool: { id: `${G}/backendAddressPools/pool` },
              backendHttpSettings: { id: `${G}/backendHttpSettingsCollection/s` },
            },
          ],
        },
        configs,
        new Map(),
        ctx,
      ),
    );
    expect(gw).toMatchObject({
      type: 'application',
      scheme: 'internal',
      vips: ['10.0.1.50'],
      subnet_ids: [id('subnet', SUBNET)],
      listeners: [
        {
          name: 'web',
          protocol: 'http',
          port: 80,
          targets: [
            { type: 'vm', vm_id: id('vm', VM), port: 8080 },
            { type: 'ip', native_id: 'api.example.com', port: 8080 },
          ],
        },
      ],
    });
  });
});
