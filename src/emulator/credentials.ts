/** The credentials each built-in emulator accepts by default (passed to the sync by `--emulator`). */
import type { EmulatorCredentials } from './harness.js';

export const EMULATOR_CREDENTIALS = {
  aws: {
    accessKeyId: 'AKIDEMULATOREXAMPLE1',
    secretAccessKey: 'emulator/Secret+Access/Key/EXAMPLEKEY01',
  },
  aliyun: {
    accessKeyId: 'LTAI5tEmulatorExample01',
    secretAccessKey: 'emulatorAliyunSecretExample0000000001',
  },
} as const satisfies Readonly<Record<string, EmulatorCredentials>>;

/** The emulator's credentials under the config's key names for that provider (`accounts[].credentials`). */
export function configCredentialsFor(
  provider: string,
  credentials: EmulatorCredentials,
): Record<string, string> {
  if (provider === 'aliyun') {
    return {
      access_key_id: credentials.accessKeyId,
      access_key_secret: credentials.secretAccessKey,
    };
  }
  return {
    access_key_id: credentials.accessKeyId,
    secret_access_key: credentials.secretAccessKey,
  };
}
