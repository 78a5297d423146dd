import type { ProviderName } from '../model/index.js';
import { aliyunSpec } from './aliyun/spec.js';
import { awsSpec } from './aws/spec.js';
import type { ProviderSpec } from './types.js';

/**
 * The SDK-free spec of every provider whose adapter has landed (config validation, `providers`, region
 * suggestions). Loading this never loads an SDK.
 */
export const SPECS: Partial<Record<ProviderName, ProviderSpec>> = {
  aws: awsSpec,
  aliyun: aliyunSpec,
};

export function specOf(p: ProviderName): ProviderSpec | undefined {
  return SPECS[p];
}
