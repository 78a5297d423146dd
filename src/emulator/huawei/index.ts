/** The Huawei emulator module: REST on one port, SDK-HMAC-SHA256 verified (see server.ts). */
import type { EmulatorModule } from '../harness.js';
import { HUAWEI_OPERATIONS } from './operations.js';
import { createHuaweiBackend, HUAWEI_SERVICES } from './server.js';

export const emulator: EmulatorModule = {
  services: HUAWEI_SERVICES,
  createBackend: createHuaweiBackend,
  operations: HUAWEI_OPERATIONS,
};
