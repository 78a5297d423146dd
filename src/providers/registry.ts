import type { ProviderName } from '../model/index.js';
import type { AdapterModule } from './types.js';

/**
 * Static name → lazy import. The `Record` type makes a missing provider a compile error; `null` marks a provider
 * whose adapter has not landed yet. The import is lazy so a run loads only the SDKs it uses.
 */
export const registry: Readonly<Record<ProviderName, (() => Promise<AdapterModule>) | null>> = {
  aws: () => import('./aws/index.js'),
  aliyun: () => import('./aliyun/index.js'),
  azure: () => import('./azure/index.js'),
  baidu: () => import('./baidu/index.js'),
  huawei: () => import('./huawei/index.js'),
  qingcloud: () => import('./qingcloud/index.js'),
  tencent: () => import('./tencent/index.js'),
  volcengine: () => import('./volcengine/index.js'),
};

export function isAvailable(p: ProviderName): boolean {
  return registry[p] !== null;
}
