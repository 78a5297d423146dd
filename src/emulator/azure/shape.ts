/**
 * The Azure world: locations with their display names, resource names shaped like Azure's
 * (`vnet-…`, `nic-…`), and the fixed tenant and subscription the emulator serves.
 */
import { AZURE_KNOWN_REGIONS } from '../../providers/azure/spec.js';
import { hash32, hex32 } from '../random.js';
import type { WorldShape } from '../shapes.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

/** The emulator's Entra ID tenant (`tenant_id` of the emulated account). */
export const EMULATOR_TENANT_ID = '72f988bf-0000-4000-8000-00000000a2e1';
/** The one subscription the emulator serves (`subscription_id` of the emulated account). */
export const EMULATOR_SUBSCRIPTION_ID = '5f1c0a5e-0000-4000-8000-0000000005b1';

const AZURE_LOCATIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> =
  {
    tiny: { enabled: ['eastus', 'westeurope'], disabled: ['brazilsouth'] },
    small: { enabled: ['eastus', 'westeurope', 'southeastasia'], disabled: ['brazilsouth'] },
    medium: {
      enabled: [
        'eastus',
        'eastus2',
        'westus2',
        'westeurope',
        'northeurope',
        'southeastasia',
        'japaneast',
      ],
      disabled: ['brazilsouth'],
    },
    large: {
      enabled: AZURE_KNOWN_REGIONS.map((r) => r.id).filter(
        (id) => id !== 'brazilsouth' && !id.startsWith('china') && !id.startsWith('usgov'),
      ),
      disabled: ['brazilsouth'],
    },
  };

/** Locations of a world of this scale; a disabled one is a location the subscription may not deploy to. */
export function azureRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = AZURE_LOCATIONS[scale];
  const names = new Map(AZURE_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

const PREFIX: Readonly<Record<IdKind, string>> = {
  zone: 'zone',
  vpc: 'vnet',
  vpc_cidr_association: 'prefix',
  subnet: 'snet',
  vm: 'vm',
  reservation: 'avset',
  image: 'img',
  network_interface: 'nic',
  network_interface_attachment: 'nicattach',
  security_group: 'nsg',
  route_table: 'rt',
  route_table_association: 'rtassoc',
  internet_gateway: 'igw',
  nat_gateway: 'ng',
  public_ip: 'pip',
  public_ip_association: 'pipassoc',
  peering_connection: 'peer',
  cloud_network: 'vhub',
  cloud_network_attachment: 'vhubconn',
  load_balancer: 'lb',
  listener: 'rule',
  target_group: 'pool',
  rds_instance: 'db',
  kubernetes_cluster: 'aks',
};

/**
 * Azure resource names: `<type prefix>-<location>-<n>-<seeded tag>`, e.g. `vnet-eastus-3-9f2c`; zones are
 * `<location>-<logical zone>` (`eastus-1`), the logical zone being what ARM reports. Unique per (region, kind, n).
 */
export function azureNativeIds(seed: number): NativeIdFn {
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}-${n + 1}`;
    const tag = hex32(hash32(seed, 'azure', kind, region, n)).slice(0, 4);
    return `${PREFIX[kind]}-${region}-${n}-${tag}`;
  };
}

export const azureShape: WorldShape = { regions: azureRegions, nativeIds: azureNativeIds };
