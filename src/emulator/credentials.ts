/** The credentials each built-in emulator accepts by default (passed to the sync by `--emulator`). */
import type { ProviderName } from '../model/index.js';
import type { EmulatorCredentials } from './harness.js';

export const EMULATOR_CREDENTIALS: Readonly<Record<ProviderName, EmulatorCredentials>> = {
  aws: {
    accessKeyId: 'AKIDEMULATOREXAMPLE1',
    secretAccessKey: 'emulator/Secret+Access/Key/EXAMPLEKEY01',
  },
  aliyun: {
    accessKeyId: 'LTAI5tEmulatorExample01',
    secretAccessKey: 'emulatorAliyunSecretExample0000000001',
  },
  azure: {
    accessKeyId: '00000000-0000-4000-8000-00000000c11e',
    secretAccessKey: 'emulatorAzureClientSecret~Example.0001',
  },
  baidu: {
    accessKeyId: 'ALTAKEmulatorExample0001',
    secretAccessKey: 'emulatorBaiduSecretAccessKeyExample01',
  },
  huawei: {
    accessKeyId: 'HWEMULATOREXAMPLEAK01',
    secretAccessKey: 'emulatorHuaweiSecretKeyExample0000000001',
  },
  qingcloud: {
    accessKeyId: 'QYEMULATOREXAMPLE01',
    secretAccessKey: 'emulatorQingCloudSecretAccessKeyExample01',
  },
  tencent: {
    accessKeyId: 'AKIDEmulatorTencentExample0000000001',
    secretAccessKey: 'emulatorTencentSecretKeyExample0001',
  },
  volcengine: {
    accessKeyId: 'AKLTEmulatorVolcengineExample0001',
    secretAccessKey: 'emulatorVolcengineSecretKeyExample0000001==',
  },
};

type ConfigKeys = (c: EmulatorCredentials) => Record<string, string>;

const pair =
  (idKey: string, secretKey: string): ConfigKeys =>
  (c) => ({ [idKey]: c.accessKeyId, [secretKey]: c.secretAccessKey });

/** The emulator's credentials under each provider's config key names (DESIGN §3, `accounts[].credentials`). */
const CONFIG_KEYS: Readonly<Record<ProviderName, ConfigKeys>> = {
  aws: pair('access_key_id', 'secret_access_key'),
  aliyun: pair('access_key_id', 'access_key_secret'),
  azure: (c) => ({
    tenant_id: '72f988bf-0000-4000-8000-00000000a2e1',
    client_id: c.accessKeyId,
    client_secret: c.secretAccessKey,
    subscription_id: '5f1c0a5e-0000-4000-8000-0000000005b1',
  }),
  baidu: pair('access_key_id', 'secret_access_key'),
  huawei: pair('access_key', 'secret_key'),
  qingcloud: pair('access_key_id', 'secret_access_key'),
  tencent: pair('secret_id', 'secret_key'),
  volcengine: pair('access_key_id', 'secret_access_key'),
};

/** The emulator's credentials under the config's key names for that provider. */
export function configCredentialsFor(
  provider: ProviderName,
  credentials: EmulatorCredentials,
): Record<string, string> {
  return CONFIG_KEYS[provider](credentials);
}
