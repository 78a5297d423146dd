/**
 * What a provider's world looks like before any resource exists: its regions (ids, localized names, which are
 * enabled) and the shape of its native ids. One entry per provider; `null` gives `<provider>-region-N` regions
 * and AWS-like ids. Shapes are pure and SDK-free: generating a world never loads a server or an SDK.
 */
import type { ProviderName } from '../model/index.js';
import { azureShape } from './azure/shape.js';
import { baiduShape } from './baidu/shape.js';
import { huaweiShape } from './huawei/shape.js';
import { qingcloudShape } from './qingcloud/shape.js';
import { tencentShape } from './tencent/shape.js';
import { volcengineShape } from './volcengine/shape.js';
import {
  aliyunNativeIds,
  aliyunRegions,
  awsNativeIds,
  awsRegions,
  genericRegions,
} from './world-plan.js';
import type { NativeIdFn, Scale, WorldRegion } from './world-types.js';

export interface WorldShape {
  /** The provider's regions at this scale, disabled ones last. */
  regions(scale: Scale): WorldRegion[];
  /** Native ids shaped like the provider's, unique and stable per (seed, region, kind, n). */
  nativeIds(seed: number, regions: readonly string[]): NativeIdFn;
}

export const WORLD_SHAPES: Readonly<Record<ProviderName, WorldShape | null>> = {
  aws: { regions: awsRegions, nativeIds: awsNativeIds },
  aliyun: { regions: aliyunRegions, nativeIds: aliyunNativeIds },
  azure: azureShape,
  baidu: baiduShape,
  huawei: huaweiShape,
  qingcloud: qingcloudShape,
  tencent: tencentShape,
  volcengine: volcengineShape,
};

function shapeOf(provider: string): WorldShape | null {
  return Object.hasOwn(WORLD_SHAPES, provider) ? WORLD_SHAPES[provider as ProviderName] : null;
}

/** The default regions of a provider's world; disabled ones come last. */
export function defaultRegions(provider: string, scale: Scale): WorldRegion[] {
  return shapeOf(provider)?.regions(scale) ?? genericRegions(provider, scale);
}

/** The provider's native-id shape (AWS-like for a provider without a shape). */
export function defaultNativeIds(
  provider: string,
  seed: number,
  regions: readonly string[],
): NativeIdFn {
  return (shapeOf(provider)?.nativeIds ?? awsNativeIds)(seed, regions);
}
