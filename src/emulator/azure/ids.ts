/** ARM ids of the emulated world: one resource group per location, in the emulator's subscription. */
import type { World } from '../world-types-services.js';

export class ArmIds {
  readonly subscription: string;
  readonly #world: World;

  constructor(world: World, subscription: string) {
    this.#world = world;
    this.subscription = subscription;
  }

  /** Our subscription for the world's own account; a stable UUID for another account's. */
  subscriptionOf(accountId: string): string {
    if (accountId === this.#world.accountId) return this.subscription;
    const digits = accountId.replace(/\D/g, '').padStart(12, '0').slice(-12);
    return `0ddba11c-0000-4000-8000-${digits}`;
  }

  group(region: string, subscription = this.subscription): string {
    return `/subscriptions/${subscription}/resourceGroups/rg-${region}`;
  }

  network(region: string, type: string, name: string, subscription?: string): string {
    return `${this.group(region, subscription)}/providers/Microsoft.Network/${type}/${name}`;
  }

  vnet(region: string, vpcId: string, subscription?: string): string {
    return this.network(region, 'virtualNetworks', vpcId, subscription);
  }

  subnet(region: string, vpcId: string, subnetId: string): string {
    return `${this.vnet(region, vpcId)}/subnets/${subnetId}`;
  }

  nic(region: string, nicId: string): string {
    return this.network(region, 'networkInterfaces', nicId);
  }

  ipConfig(region: string, nicId: string, index: number): string {
    return `${this.nic(region, nicId)}/ipConfigurations/ipconfig${index + 1}`;
  }

  provider(region: string, namespace: string, type: string, name: string): string {
    return `${this.group(region)}/providers/${namespace}/${type}/${name}`;
  }
}

/** `eastus-2` (world zone) → `2` (ARM logical zone). */
export function logicalZone(zone: string): string {
  return zone.slice(zone.lastIndexOf('-') + 1);
}

/** `00-0D-3A-…`: ARM's MAC format. */
export function armMac(mac: string): string {
  return mac.replace(/:/g, '-').toUpperCase();
}
