import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema, RdsInstanceSchema } from '../../model/index.js';
import type { RdsEngine, RdsInstance, RunState } from '../../model/index.js';
import type { MapContext, NetworkInterface } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty, zoneRef } from './common.js';
import { listByOffset } from './paging.js';
import type * as wire from './wire.js';

const LIST_RDS = huaweiOperation('rds', 'ListInstances', false, 'rds:instance:list');

/** RDS v3 lists at most 100 instances per page. */
export const RDS_PAGE_SIZE = 100;

const ENGINE: Readonly<Record<string, RdsEngine>> = {
  MySQL: 'mysql',
  PostgreSQL: 'postgresql',
  SQLServer: 'sqlserver',
  MariaDB: 'mariadb',
};

const RDS_STATE: Readonly<Record<string, RunState>> = {
  ACTIVE: 'running',
  RESTORING: 'running',
  BUILD: 'pending',
  REBOOTING: 'pending',
  MODIFYING: 'pending',
  SHUTDOWN: 'stopped',
  FAILED: 'error',
  FROZEN: 'stopped',
};

const ROLE: Readonly<Record<string, RdsInstance['role']>> = {
  Single: 'primary',
  Ha: 'primary',
  Replica: 'readonly',
};

/** The AZ, only when every node is in the same one (as DeepFlow reads it). */
function singleZone(raw: wire.RdsInstance): string | undefined {
  const zones = new Set(
    (raw.nodes ?? []).map((n) => n.availability_zone).filter((z) => z !== undefined),
  );
  return zones.size === 1 ? [...zones][0] : undefined;
}

function mapRdsInstanceUnguarded(raw: wire.RdsInstance, ctx: MapContext): RdsInstance {
  const nativeId = raw.id ?? '';
  const engine = nonEmpty(raw.datastore?.type);
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created,
    ),
    engine: lookup(ENGINE, engine, 'other'),
    ...defined({ engine_name: engine, engine_version: nonEmpty(raw.datastore?.version) }),
    state: lookup(RDS_STATE, raw.status, 'unknown'),
    role: lookup(ROLE, raw.type, 'other'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)),
      zone_id: zoneRef(ctx, singleZone(raw)),
    }),
    subnet_ids: compact([refId(ctx, 'subnet', nonEmpty(raw.subnet_id))]),
    ...defined({
      endpoint: nonEmpty(raw.private_ips?.[0]),
      port: raw.port,
      instance_class: nonEmpty(raw.flavor_ref),
    }),
  };
}

/** The instance's private IPs as its interface in the subnet (RDS ports are not listed as devices). */
function mapRdsInterfaceUnguarded(raw: wire.RdsInstance, ctx: MapContext): NetworkInterface {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(ctx, 'network_interface', `${nativeId}-vip`, nonEmpty(raw.name) ?? nativeId, {}),
    device_kind: 'rds_instance',
    device_id: refId(ctx, 'rds_instance', nativeId) ?? '',
    device_native_id: nativeId,
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)),
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.subnet_id)),
    }),
    private_ips: compact([...(raw.private_ips ?? [])]),
    primary: true,
    security_group_ids: [],
  };
}

export const rdsInstanceFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'rds_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_RDS],
  async *fetch(ctx) {
    const items = listByOffset<wire.ListRdsInstances, wire.RdsInstance>(
      ctx,
      LIST_RDS,
      ctx.region,
      '/v3/{project_id}/instances',
      {},
      {
        limit: RDS_PAGE_SIZE,
        items: (p) => p.instances,
        idOf: (i) => i.id,
        total: (p) => p.total_count,
        // RDS `offset` counts pages to skip.
        offsetOf: (n) => n,
      },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.id) === undefined) continue;
      yield { kind: 'rds_instance', record: mapRdsInstance(raw, ctx.map) };
      if ((raw.private_ips ?? []).length > 0) {
        yield { kind: 'network_interface', record: mapRdsInterface(raw, ctx.map) };
      }
    }
  },
};

/** `mapRdsInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdsInstance = guardMapper(
  'huawei rds instance',
  mapRdsInstanceUnguarded,
  RdsInstanceSchema,
);
/** `mapRdsInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdsInterface = guardMapper(
  'huawei rds interface',
  mapRdsInterfaceUnguarded,
  NetworkInterfaceSchema,
);
