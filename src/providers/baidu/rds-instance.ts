import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { MapContext, RdsEngine, RdsInstance, RunState } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import {
  baiduOperation,
  baseFields,
  defined,
  deviceInterface,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const LIST_RDS = baiduOperation('rds', 'ListRds', false);

const ENGINE: Readonly<Record<string, RdsEngine>> = {
  MySQL: 'mysql',
  mysql: 'mysql',
  PostgreSQL: 'postgresql',
  postgresql: 'postgresql',
  SQLServer: 'sqlserver',
  sqlserver: 'sqlserver',
  MariaDB: 'mariadb',
};

const RDS_STATE: Readonly<Record<string, RunState>> = {
  Available: 'running',
  Creating: 'pending',
  Rebooting: 'pending',
  Modifying: 'pending',
  Backuping: 'running',
  Restoring: 'pending',
  Stopping: 'pending',
  Stopped: 'stopped',
  Paused: 'stopped',
  Deleted: 'stopped',
};

/** `instanceType`: Master, ReadReplica, RdsProxy. */
const ROLE: Readonly<Record<string, RdsInstance['role']>> = {
  Master: 'primary',
  ReadReplica: 'readonly',
};

function mapRdsInstanceUnguarded(raw: wire.RdsInstance, ctx: MapContext): RdsInstance {
  const nativeId = raw.instanceId ?? '';
  const replica = raw.instanceType === 'ReadReplica';
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.instanceName) ?? nativeId,
      {},
      raw.instanceCreateTime,
    ),
    engine: lookup(ENGINE, raw.engine, 'other'),
    state: lookup(RDS_STATE, raw.instanceStatus, 'unknown'),
    role: lookup(ROLE, raw.instanceType, 'other'),
    ...defined({
      engine_name: nonEmpty(raw.engine),
      engine_version: nonEmpty(raw.engineVersion),
      vpc_id: refId(ctx, 'vpc', raw.vpcId),
      zone_id: zoneRef(ctx, raw.zoneNames?.[0] ?? raw.subnets?.[0]?.zoneName),
      endpoint: nonEmpty(raw.endpoint?.address),
      port: raw.endpoint?.port,
      cluster_native_id: replica ? nonEmpty(raw.sourceInstanceId) : undefined,
    }),
    subnet_ids: refIds(
      ctx,
      'subnet',
      (raw.subnets ?? []).map((s) => s.subnetId),
    ),
  };
}

export const rdsInstanceFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'rds_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_RDS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListRds, wire.RdsInstance>(
      ctx,
      LIST_RDS,
      ctx.region,
      '/v1/instance',
      {},
      (p) => p.instances,
    );
    for await (const raw of items) {
      const id = nonEmpty(raw.instanceId);
      if (id === undefined) continue;
      yield { kind: 'rds_instance', record: mapRdsInstance(raw, ctx.map) };
      yield {
        kind: 'network_interface',
        record: deviceInterface(ctx.map, 'rds_instance', id, {
          vpcId: raw.vpcId,
          subnetId: raw.subnets?.[0]?.subnetId,
          privateIps: compact([raw.endpoint?.vnetIp]),
        }),
      };
    }
  },
};

/** `mapRdsInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdsInstance = guardMapper(
  'baidu rds instance',
  mapRdsInstanceUnguarded,
  RdsInstanceSchema,
);
