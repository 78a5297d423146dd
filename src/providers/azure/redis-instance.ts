import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema, RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface, RedisInstance, RunState } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  inRegion,
  lookup,
  nonEmpty,
  parentOf,
  ref,
  refs,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const LIST_REDIS = azureOperation('redis.listBySubscription', 'Microsoft.Cache/redis/read', false);

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  Succeeded: 'running',
  Creating: 'pending',
  Updating: 'running',
  Scaling: 'running',
  Patching: 'running',
  Provisioning: 'pending',
  Linking: 'running',
  Unlinking: 'running',
  RecoveringScaleFailure: 'running',
  Deleting: 'pending',
  Disabled: 'stopped',
  Failed: 'error',
};

/** Azure Cache for Redis: clustered when it has shards, replicated on Standard/Premium, else standalone. */
function mapRedisUnguarded(raw: wire.RedisResource, ctx: MapContext): RedisInstance {
  const nativeId = armId(raw.id) ?? '';
  const subnet = armId(raw.subnetId);
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  const zone = zoneRef(ctx, raw.zones?.[0]);
  const host = nonEmpty(raw.hostName);
  const internal = nonEmpty(raw.staticIP);
  const version = nonEmpty(raw.redisVersion);
  const port = raw.enableNonSslPort === true ? raw.port : raw.sslPort;
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    state: lookup(REDIS_STATE, raw.provisioningState, 'unknown'),
    mode:
      (raw.shardCount ?? 0) > 0
        ? 'cluster'
        : raw.sku.name === 'Basic'
          ? 'standalone'
          : 'replication',
    ...(version === undefined ? {} : { engine_version: version }),
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    ...(zone === undefined ? {} : { zone_id: zone }),
    subnet_ids: refs(ctx, 'subnet', [subnet]),
    ...(internal === undefined ? {} : { internal_host: internal }),
    ...(host === undefined ? {} : { public_host: host }),
    ...(port === undefined ? {} : { port }),
    node_type: `${raw.sku.name} ${raw.sku.family}${raw.sku.capacity}`,
  };
}

/** A VNet-injected cache has a static IP in its subnet: one interface. */
function mapRedisInterfaceUnguarded(
  raw: wire.RedisResource,
  ctx: MapContext,
): NetworkInterface | undefined {
  const cache = armId(raw.id);
  const subnet = armId(raw.subnetId);
  const ip = nonEmpty(raw.staticIP);
  if (cache === undefined || subnet === undefined || ip === undefined) return undefined;
  const nativeId = `${cache}/staticip`;
  // A subnet id that does not parse as one gives no VNet: leave the optional reference out.
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  return {
    ...baseFields(ctx, 'network_interface', nativeId, `${raw.name ?? cache} ${ip}`, {}),
    device_kind: 'redis_instance',
    device_id: ref(ctx, 'redis_instance', cache) ?? '',
    device_native_id: cache,
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    subnet_id: ref(ctx, 'subnet', subnet) ?? '',
    private_ips: [ip],
    primary: true,
    security_group_ids: [],
  };
}

export const redisInstanceFetcher: ResourceFetcher<AzureSession> = {
  kind: 'redis_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_REDIS],
  async *fetch(ctx) {
    const caches = await shared(
      ctx,
      LIST_REDIS,
      (sub) => ctx.session.clients.redis(sub).redis.listBySubscription({ abortSignal: ctx.signal }),
      ctx.session.clients.tokens.redis,
    );
    for (const raw of caches) {
      if (!inRegion(raw, ctx.region)) continue;
      yield { kind: 'redis_instance', record: mapRedis(raw, ctx.map) };
      const nic = mapRedisInterface(raw, ctx.map);
      if (nic !== undefined) yield { kind: 'network_interface', record: nic };
    }
  },
};

/** `mapRedisUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedis = guardMapper('azure redis', mapRedisUnguarded, RedisInstanceSchema);
/** `mapRedisInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedisInterface = guardMapper(
  'azure redis interface',
  mapRedisInterfaceUnguarded,
  NetworkInterfaceSchema.optional(),
);
