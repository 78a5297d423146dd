import type { ProviderName } from '../model/index.js';
import type { AdapterModule } from './types.js';

/**
 * Static name → lazy import. `satisfies` makes a missing provider a compile error; `null` marks a provider
 * whose adapter has not landed yet. The import is lazy so a run loads only the SDKs it uses.
 */
export const registry = {
  aws: () => import('./aws/index.js'),
  aliyun: () => import('./aliyun/index.js'),
  azure: null,
  baidu: null,
  huawei: null,
  qingcloud: null,
  tencent: null,
  volcengine: null,
} as const satisfies Record<ProviderName, (() => Promise<AdapterModule>) | null>;

export function isAvailable(p: ProviderName): boolean {
  return registry[p] !== null;
}
