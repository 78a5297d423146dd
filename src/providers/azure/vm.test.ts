import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNetworkInterface } from './network-interface.js';
import { mapVm } from './vm.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const NIC =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/networkInterfaces/web-nic';
const SUBNET =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/virtualNetworks/hub/subnets/app';
const VM =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/web';
const lower = (s: string) => s.toLowerCase();

const nic: wire.NetworkInterface = {
  id: NIC,
  name: 'web-nic',
  location: 'eastus',
  macAddress: '00-0D-3A-12-34-56',
  primary: true,
  virtualMachine: { id: VM.replace('rg-1', 'RG-1') },
  networkSecurityGroup: {
    id: '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/networkSecurityGroups/web',
  },
  ipConfigurations: [
    {
      id: `${NIC}/ipConfigurations/b`,
      privateIPAddress: '10.0.1.5',
      primary: false,
      subnet: { id: SUBNET },
    },
    {
      id: `${NIC}/ipConfigurations/a`,
      privateIPAddress: '10.0.1.4',
      primary: true,
      subnet: { id: SUBNET },
    },
  ],
};

describe('azure/vm and azure/network_interface', () => {
  it('takes subnet, VPC, primary IP and security groups from the VM primary NIC', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          id: VM,
          name: 'web',
          location: 'eastus',
          zones: ['2'],
          hardwareProfile: { vmSize: 'Standard_D2s_v5' },
          osProfile: { computerName: 'web-01' },
          storageProfile: {
            imageReference: {
              publisher: 'Canonical',
              offer: 'ubuntu',
              sku: '24_04',
              version: 'latest',
            },
          },
          networkProfile: { networkInterfaces: [{ id: NIC.toUpperCase(), primary: true }] },
          instanceView: {
            statuses: [{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/deallocated' }],
          },
          timeCreated: new Date('2026-01-02T03:04:05Z'),
        },
        new Map([[lower(NIC), nic]]),
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      name: 'web',
      state: 'stopped',
      zone_id: 'azure/prod/eastus/zone/2',
      subnet_id: `azure/prod/eastus/subnet/${lower(SUBNET)}`,
      vpc_id:
        'azure/prod/eastus/vpc/' +
        lower(
          '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/virtualNetworks/hub',
        ),
      primary_ip: '10.0.1.4',
      instance_type: 'Standard_D2s_v5',
      image_id: 'Canonical:ubuntu:24_04:latest',
      hostname: 'web-01',
      security_group_ids: [
        'azure/prod/eastus/security_group/' +
          lower(
            '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/networkSecurityGroups/web',
          ),
      ],
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('is unknown without an instance view and keeps nothing it cannot see', () => {
    const vm = KIND_SCHEMAS.vm.parse(mapVm({ id: VM, location: 'eastus' }, new Map(), ctx));
    expect(vm).toMatchObject({ state: 'unknown', security_group_ids: [], name: lower(VM) });
    expect(vm.subnet_id).toBeUndefined();
  });

  it('maps a NIC: its VM (any id spelling), MAC, and private IPs primary first', () => {
    const record = KIND_SCHEMAS.network_interface.parse(mapNetworkInterface(nic, ctx));
    expect(record).toMatchObject({
      device_kind: 'vm',
      device_id: `azure/prod/eastus/vm/${lower(VM)}`,
      mac: '00:0d:3a:12:34:56',
      private_ips: ['10.0.1.4', '10.0.1.5'],
      primary: true,
    });
  });

  it('maps a detached NIC as other', () => {
    const record = KIND_SCHEMAS.network_interface.parse(mapNetworkInterface({ id: NIC }, ctx));
    expect(record).toMatchObject({ device_kind: 'other', private_ips: [], primary: false });
  });
});
