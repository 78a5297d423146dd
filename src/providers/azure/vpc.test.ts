import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const VNET =
  '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/virtualNetworks/Hub';

describe('azure/vpc and azure/subnet', () => {
  it('maps a VNet with its address space; ids are lower-cased ARM ids', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          id: VNET,
          name: 'Hub',
          location: 'eastus',
          tags: { env: 'prod' },
          addressSpace: { addressPrefixes: ['10.0.0.0/16', '10.1.0.0/16'] },
          provisioningState: 'Succeeded',
        },
        ctx,
      ),
    );
    expect(vpc).toEqual({
      id: `azure/prod/eastus/vpc/${VNET.toLowerCase()}`,
      native_id: VNET.toLowerCase(),
      name: 'Hub',
      provider: 'azure',
      account: 'prod',
      region: 'eastus',
      tags: { env: 'prod' },
      cidrs: ['10.0.0.0/16', '10.1.0.0/16'],
      is_default: false,
      state: 'available',
    });
  });

  it('falls back to the native id when every optional field is missing', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(mapVpc({ id: VNET }, ctx));
    expect(vpc).toMatchObject({ name: VNET.toLowerCase(), cidrs: [], state: 'unknown', tags: {} });
  });

  it('maps a subnet to its VNet and route table', () => {
    const subnet = KIND_SCHEMAS.subnet.parse(
      mapSubnet(
        {
          id: `${VNET}/subnets/app`,
          name: 'app',
          addressPrefix: '10.0.1.0/24',
          routeTable: {
            id: '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/routeTables/RT',
          },
          provisioningState: 'Updating',
        },
        VNET,
        ctx,
      ),
    );
    expect(subnet).toMatchObject({
      vpc_id: `azure/prod/eastus/vpc/${VNET.toLowerCase()}`,
      route_table_id:
        'azure/prod/eastus/route_table//subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/RG-1/providers/Microsoft.Network/routeTables/RT'
          .toLowerCase()
          .replace('azure/prod/eastus/route_table/', 'azure/prod/eastus/route_table/'),
      cidrs: ['10.0.1.0/24'],
      state: 'pending',
    });
    expect(subnet.zone_id).toBeUndefined();
  });
});
