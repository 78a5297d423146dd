/** Starts a provider's emulator; each provider's server is imported lazily. */
import type { ProviderName } from '../model/index.js';
import { systemClock } from '../transport/clock.js';
import { EMULATOR_CREDENTIALS } from './credentials.js';
import type { EmulatorOptions, RunningEmulator } from './harness.js';
import { startHarness } from './harness-server.js';
import { aliyunNativeIds, defaultRegions } from './world-plan.js';
import { DEFAULT_SCALE, DEFAULT_SEED, generateWorld } from './world.js';

export async function startEmulator(
  provider: ProviderName,
  opts: EmulatorOptions = {},
): Promise<RunningEmulator> {
  if (opts.pageLimit !== undefined && (!Number.isInteger(opts.pageLimit) || opts.pageLimit < 1)) {
    throw new RangeError(`pageLimit must be a positive integer, got ${opts.pageLimit}`);
  }
  const clock = opts.clock ?? systemClock;
  switch (provider) {
    case 'aws': {
      const { AWS_SERVICES, createAwsBackend } = await import('./aws/server.js');
      const world =
        opts.world ??
        generateWorld({
          provider,
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
          ...(opts.scale === undefined ? {} : { scale: opts.scale }),
        });
      const credentials = opts.credentials ?? { ...EMULATOR_CREDENTIALS.aws };
      const backend = createAwsBackend({
        world,
        credentials,
        clock,
        ...(opts.pageLimit === undefined ? {} : { pageLimit: opts.pageLimit }),
      });
      return startHarness(backend, { ...opts, world, credentials, clock, services: AWS_SERVICES });
    }
    case 'aliyun': {
      const { ALIYUN_SERVICES, ALIYUN_SERVICE_PATHS, createAliyunBackend } =
        await import('./aliyun/server.js');
      const world =
        opts.world ??
        generateWorld({
          provider,
          seed: opts.seed ?? DEFAULT_SEED,
          ...(opts.scale === undefined ? {} : { scale: opts.scale }),
          nativeId: aliyunNativeIds(
            opts.seed ?? DEFAULT_SEED,
            defaultRegions(provider, opts.scale ?? DEFAULT_SCALE).map((r) => r.id),
          ),
        });
      const credentials = opts.credentials ?? { ...EMULATOR_CREDENTIALS.aliyun };
      const backend = createAliyunBackend({
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
        services: ALIYUN_SERVICES,
        servicePaths: ALIYUN_SERVICE_PATHS,
      });
    }
    case 'azure':
    case 'baidu':
    case 'huawei':
    case 'qingcloud':
    case 'tencent':
    case 'volcengine':
      throw new Error(`no emulator for provider '${provider}' yet`);
  }
}
