import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { MapContext, RdsEngine, RdsInstance, RunState } from '../../model/index.js';
import { lookup, refId, toInt } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { aliyunRequest, listByPageNumber } from './client.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, baseFields, defined, nonEmpty, refIds, zoneRef } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_DB_INSTANCES = aliyunOperation('rds', 'DescribeDBInstances', false);
const DESCRIBE_DB_INSTANCE_NET_INFO = aliyunOperation('rds', 'DescribeDBInstanceNetInfo', false);

const RDS_PAGE_SIZE = 100;

const ENGINE: Readonly<Record<string, RdsEngine>> = {
  MySQL: 'mysql',
  PostgreSQL: 'postgresql',
  SQLServer: 'sqlserver',
  MariaDB: 'mariadb',
  PPAS: 'oracle',
};

const RDS_STATE: Readonly<Record<string, RunState>> = {
  Running: 'running',
  Restoring: 'running',
  Creating: 'pending',
  Rebooting: 'pending',
  DBInstanceClassChanging: 'pending',
  TRANSING: 'pending',
  EngineVersionUpgrading: 'pending',
  TransingToOthers: 'pending',
  GuardDBInstanceCreating: 'pending',
  Deleting: 'pending',
  Released: 'stopped',
  Stopped: 'stopped',
  Stopping: 'pending',
  Starting: 'pending',
  ReleasePending: 'stopped',
};

const ROLE: Readonly<Record<string, RdsInstance['role']>> = {
  Primary: 'primary',
  Readonly: 'readonly',
};

/** The endpoint clients use: the VPC (private) connection string, else the classic intranet one, else public. */
export function endpointOf(
  net: wire.DescribeDBInstanceNetInfo | undefined,
): wire.DBInstanceNetInfo | undefined {
  const infos = net?.DBInstanceNetInfos?.DBInstanceNetInfo ?? [];
  for (const type of ['Private', 'Inner', 'Public']) {
    const hit = infos.find((i) => i.IPType === type && nonEmpty(i.ConnectionString));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function mapRdsInstanceUnguarded(
  raw: wire.DBInstance,
  net: wire.DescribeDBInstanceNetInfo | undefined,
  ctx: MapContext,
): RdsInstance {
  const nativeId = raw.DBInstanceId ?? '';
  const endpoint = endpointOf(net);
  const engine = nonEmpty(raw.Engine);
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.DBInstanceDescription) ?? nativeId,
      {},
      raw.CreateTime,
    ),
    engine: lookup(ENGINE, engine, 'other'),
    ...defined({
      engine_name: engine,
      engine_version: nonEmpty(raw.EngineVersion),
    }),
    state: lookup(RDS_STATE, raw.DBInstanceStatus, 'unknown'),
    role: lookup(ROLE, raw.DBInstanceType, 'other'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      zone_id: zoneRef(ctx, raw.ZoneId),
    }),
    // A multi-zone instance lists its vSwitches comma-separated.
    subnet_ids: refIds(
      ctx,
      'subnet',
      (raw.VSwitchId ?? '').split(',').map((s) => s.trim()),
    ),
    ...defined({
      endpoint: nonEmpty(endpoint?.ConnectionString),
      port: toInt(endpoint?.Port),
      instance_class: nonEmpty(raw.DBInstanceClass),
      cluster_native_id: nonEmpty(raw.MasterInstanceId),
    }),
  };
}

export const rdsInstanceFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'rds_instance',
  scope: 'regional',
  operations: [DESCRIBE_DB_INSTANCES, DESCRIBE_DB_INSTANCE_NET_INFO],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const items = listByPageNumber<wire.DescribeDBInstances, wire.DBInstance>(
      ctx,
      clients,
      DESCRIBE_DB_INSTANCES,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: RDS_PAGE_SIZE,
        items: (p) => p.Items?.DBInstance,
        idOf: (d) => d.DBInstanceId,
      },
    );
    const listed = (await collect(items)).filter((raw) => raw.DBInstanceId);
    // The net info of every instance at once (one call per instance).
    const records = mapInOrder(listed, async (raw) => {
      const net = await aliyunRequest<wire.DescribeDBInstanceNetInfo>(
        ctx,
        clients,
        DESCRIBE_DB_INSTANCE_NET_INFO,
        ctx.region,
        { RegionId: ctx.region, DBInstanceId: raw.DBInstanceId ?? '' },
      );
      return mapRdsInstance(raw, net, ctx.map);
    });
    for await (const record of records) yield { kind: 'rds_instance', record };
  },
};

/** `mapRdsInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdsInstance = guardMapper(
  'aliyun rds instance',
  mapRdsInstanceUnguarded,
  RdsInstanceSchema,
);
