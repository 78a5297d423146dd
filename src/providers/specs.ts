import type { ProviderName } from '../model/index.js';
import { aliyunSpec } from './aliyun/spec.js';
import { awsSpec } from './aws/spec.js';
import { azureSpec } from './azure/spec.js';
import { baiduSpec } from './baidu/spec.js';
import { huaweiSpec } from './huawei/spec.js';
import { qingcloudSpec } from './qingcloud/spec.js';
import { tencentSpec } from './tencent/spec.js';
import { volcengineSpec } from './volcengine/spec.js';
import type { ProviderSpec } from './types.js';

/**
 * The SDK-free spec of every provider whose adapter has landed (config validation, `providers`, region
 * suggestions). Loading this never loads an SDK.
 */
export const SPECS: Partial<Record<ProviderName, ProviderSpec>> = {
  aws: awsSpec,
  aliyun: aliyunSpec,
  azure: azureSpec,
  baidu: baiduSpec,
  huawei: huaweiSpec,
  qingcloud: qingcloudSpec,
  tencent: tencentSpec,
  volcengine: volcengineSpec,
};

export function specOf(p: ProviderName): ProviderSpec | undefined {
  return SPECS[p];
}
