/** The Aliyun emulator module: RPC v1 over GET and POST, HMAC-SHA1 verified (see server.ts). */
import type { EmulatorModule } from '../harness.js';
import { ALIYUN_OPERATIONS } from './operations.js';
import { ALIYUN_SERVICE_PATHS, ALIYUN_SERVICES, createAliyunBackend } from './server.js';

export const emulator: EmulatorModule = {
  services: ALIYUN_SERVICES,
  servicePaths: ALIYUN_SERVICE_PATHS,
  createBackend: createAliyunBackend,
  operations: ALIYUN_OPERATIONS,
};
