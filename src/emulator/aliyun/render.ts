/** Shared Aliyun renderings: tags, times, the resource group, derived ids. */
import { hash32, hex32 } from '../random.js';
import type { World } from '../world-types-services.js';
import type { Tags } from '../world-types.js';
import { ALIYUN_KNOWN_REGIONS } from '../world-plan.js';

/** ECS-style tags: `{Tag: [{TagKey, TagValue}]}`. */
export function ecsTags(tags: Tags): { Tag: { TagKey: string; TagValue: string }[] } {
  return { Tag: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
}

/** VPC/SLB/Redis/CEN-style tags: `{Tag: [{Key, Value}]}`. */
export function kvTags(tags: Tags): { Tag: { Key: string; Value: string }[] } {
  return { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}

/** ECS times have minute precision: `2024-05-01T08:30Z`. */
export function minuteTime(iso: string): string {
  return `${iso.slice(0, 16)}Z`;
}

/** `2024-05-01T08:30:12Z`. */
export function secondTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

/** The one resource group every emulated resource belongs to. */
export function resourceGroupId(world: World): string {
  return `rg-acfm${hex32(hash32(world.seed, 'rg'))}${hex32(hash32(world.seed, 'rg', 2)).slice(0, 3)}`;
}

export function regionCode(region: string): string {
  return (
    ALIYUN_KNOWN_REGIONS.find((r) => r.id === region)?.code ?? hex32(hash32(region)).slice(0, 3)
  );
}

/** A derived id (`r-`, `snat-`, `vrt-`, …) from the id it belongs to. */
export function derivedId(prefix: string, region: string, ...parts: (string | number)[]): string {
  const a = hex32(hash32('aliyun-derived', prefix, ...parts));
  const b = hex32(hash32('aliyun-derived', prefix, ...parts, 2));
  return `${prefix}${regionCode(region)}${a}${b.slice(0, 5)}`;
}

/** `杭州 可用区H`-style zone name. */
export function zoneLocalName(world: World, zoneId: string, region: string): string {
  const local = world.regions.find((r) => r.id === region)?.localName ?? region;
  const city = /（(.+)）/.exec(local)?.[1] ?? local;
  return `${city} 可用区${zoneId.slice(region.length + 1).toUpperCase()}`;
}
