/** The AWS emulator module: query/XML and JSON protocols, SigV4 verified (see server.ts). */
import type { EmulatorModule } from '../harness.js';
import { AWS_OPERATIONS } from './operations.js';
import { AWS_SERVICES, createAwsBackend } from './server.js';

export const emulator: EmulatorModule = {
  services: AWS_SERVICES,
  createBackend: createAwsBackend,
  operations: AWS_OPERATIONS,
};
