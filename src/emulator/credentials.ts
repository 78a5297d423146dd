/** The credentials each built-in emulator accepts by default (passed to the sync by `--emulator`). */
import type { EmulatorCredentials } from './harness.js';

export const EMULATOR_CREDENTIALS = {
  aws: {
    accessKeyId: 'AKIDEMULATOREXAMPLE1',
    secretAccessKey: 'emulator/Secret+Access/Key/EXAMPLEKEY01',
  },
} as const satisfies Readonly<Record<string, EmulatorCredentials>>;
