/** The Azure emulator module: ARM REST with bearer tokens from its own Entra ID token endpoint (server.ts). */
import type { EmulatorModule } from '../harness.js';
import { AZURE_OPERATIONS } from './operations.js';
import { AZURE_SERVICES, createAzureBackend } from './server.js';

export const emulator: EmulatorModule = {
  services: AZURE_SERVICES,
  createBackend: createAzureBackend,
  operations: AZURE_OPERATIONS,
};
