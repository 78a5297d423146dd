import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVirtualHub, resourceGroupOf } from './cloud-network.js';
import { mapPeering } from './peering-connection.js';
import { mapLocations, mapZone } from './zone.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const SUB = '5f1c0a5e-0000-4000-8000-0000000005b1';
const OTHER = '0ddba11c-0000-4000-8000-000000000001';
const vnet = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-1/providers/Microsoft.Network/virtualNetworks/${name}`;

describe('azure/region and azure/zone', () => {
  it('keeps physical locations with their logical zones', () => {
    expect(
      mapLocations([
        {
          name: 'eastus',
          displayName: 'East US',
          metadata: { regionType: 'Physical' },
          availabilityZoneMappings: [{ logicalZone: '2' }, { logicalZone: '1' }],
        },
        { name: 'global', displayName: 'Global', metadata: { regionType: 'Logical' } },
        { name: 'westus', displayName: 'West US' },
      ]),
    ).toEqual([
      { id: 'eastus', localName: 'East US', enabled: true, zones: ['1', '2'] },
      { id: 'westus', localName: 'West US', enabled: true, zones: [] },
    ]);
    expect(KIND_SCHEMAS.zone.parse(mapZone('1', ctx))).toMatchObject({
      id: 'azure/prod/eastus/zone/1',
      name: 'eastus-1',
    });
  });
});

describe('azure/peering_connection', () => {
  it('references the remote VNet in its own location, or none when it is not visible', () => {
    const local = vnet(SUB, 'hub');
    const remote = vnet(SUB, 'spoke');
    const p = KIND_SCHEMAS.peering_connection.parse(
      mapPeering(
        {
          id: `${local}/virtualNetworkPeerings/to-spoke`,
          name: 'to-spoke',
          peeringState: 'Connected',
          remoteVirtualNetwork: { id: remote },
        },
        local,
        new Map([[remote.toLowerCase(), 'westeurope']]),
        ctx,
      ),
    );
    expect(p).toMatchObject({
      state: 'available',
      local_region: 'eastus',
      remote_region: 'westeurope',
      local_account_id: SUB,
      remote_vpc_id: `azure/prod/westeurope/vpc/${remote.toLowerCase()}`,
      local_vpc_id: `azure/prod/eastus/vpc/${local.toLowerCase()}`,
    });
    const unseen = mapPeering(
      {
        id: `${local}/virtualNetworkPeerings/x`,
        peeringState: 'Initiated',
        remoteVirtualNetwork: { id: vnet(OTHER, 'far') },
      },
      local,
      new Map(),
      ctx,
    );
    expect(unseen).toMatchObject({
      state: 'pending',
      remote_region: 'unknown',
      remote_account_id: OTHER,
    });
    expect(unseen.remote_vpc_id).toBeUndefined();
  });
});

describe('azure/cloud_network', () => {
  it('maps a Virtual WAN hub and its VNet connections', () => {
    const hub = `/subscriptions/${SUB}/resourceGroups/rg-1/providers/Microsoft.Network/virtualHubs/hub1`;
    expect(resourceGroupOf(hub)).toBe('rg-1');
    const spoke = vnet(SUB, 'spoke');
    const cn = KIND_SCHEMAS.cloud_network.parse(
      mapVirtualHub(
        { id: hub, name: 'hub1', location: 'eastus', provisioningState: 'Succeeded' },
        [
          {
            id: `${hub}/hubVirtualNetworkConnections/c1`,
            provisioningState: 'Succeeded',
            remoteVirtualNetwork: { id: spoke },
          },
        ],
        new Map([[spoke.toLowerCase(), 'eastus']]),
        ctx,
      ),
    );
    expect(cn).toMatchObject({
      state: 'available',
      vpc_ids: [`azure/prod/eastus/vpc/${spoke.toLowerCase()}`],
      attachments: [
        { type: 'vpc', resource_region: 'eastus', resource_account_id: SUB, state: 'available' },
      ],
    });
  });
});
