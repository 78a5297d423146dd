/** Starts a provider's emulator; each provider's server is imported lazily. */
import type { ProviderName } from '../model/index.js';
import { systemClock } from '../transport/clock.js';
import { EMULATOR_CREDENTIALS } from './credentials.js';
import type { EmulatorModule, EmulatorOptions, RunningEmulator } from './harness.js';
import { startHarness } from './harness-server.js';
import { generateWorld } from './world.js';

/** Static name → lazy import of `src/emulator/<provider>/index.ts`; `null`: no emulator yet. */
export const EMULATORS: Readonly<
  Record<ProviderName, (() => Promise<{ emulator: EmulatorModule }>) | null>
> = {
  aws: () => import('./aws/index.js'),
  aliyun: () => import('./aliyun/index.js'),
  azure: () => import('./azure/index.js'),
  baidu: () => import('./baidu/index.js'),
  huawei: () => import('./huawei/index.js'),
  qingcloud: () => import('./qingcloud/index.js'),
  tencent: () => import('./tencent/index.js'),
  volcengine: () => import('./volcengine/index.js'),
};

/** Providers that have an emulator, in registry order. */
export function emulatedProviders(): ProviderName[] {
  return (Object.keys(EMULATORS) as ProviderName[]).filter((p) => EMULATORS[p] !== null);
}

export async function startEmulator(
  provider: ProviderName,
  opts: EmulatorOptions = {},
): Promise<RunningEmulator> {
  if (opts.pageLimit !== undefined && (!Number.isInteger(opts.pageLimit) || opts.pageLimit < 1)) {
    throw new RangeError(`pageLimit must be a positive integer, got ${opts.pageLimit}`);
  }
  const load = EMULATORS[provider];
  if (load === null) throw new Error(`no emulator for provider '${provider}' yet`);
  const { emulator } = await load();
  const clock = opts.clock ?? systemClock;
  const world =
    opts.world ??
    generateWorld({
      provider,
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      ...(opts.scale === undefined ? {} : { scale: opts.scale }),
      ...(opts.warm === true ? { keep: true } : {}),
    });
  if (opts.warm === true) world.warm();
  const credentials = opts.credentials ?? { ...EMULATOR_CREDENTIALS[provider] };
  const backend = emulator.createBackend({
    world,
    credentials,
    clock,
    ...(opts.pageLimit === undefined ? {} : { pageLimit: opts.pageLimit }),
    ...(opts.resourceGroupScoped === undefined
      ? {}
      : { resourceGroupScoped: opts.resourceGroupScoped }),
  });
  return startHarness(backend, {
    ...opts,
    world,
    credentials,
    clock,
    services: emulator.services,
    ...(emulator.servicePaths === undefined ? {} : { servicePaths: emulator.servicePaths }),
  });
}
