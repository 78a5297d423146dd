import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { KindRecord, MapContext, RdsInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { FetchContext, Operation, ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import {
  baseFields,
  defined,
  deviceInterface,
  ephemeralIp,
  nonEmpty,
  refIds,
  tencentOperation,
  tencentTags,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_CDB = tencentOperation('cdb', 'DescribeDBInstances', false);
const DESCRIBE_POSTGRES = tencentOperation('postgres', 'DescribeDBInstances', false);
const DESCRIBE_SQLSERVER = tencentOperation('sqlserver', 'DescribeDBInstances', false);

/** The largest `Limit`s: CDB 2000, PostgreSQL and SQL Server 100. */
const CDB_PAGE_SIZE = 2000;
const PG_PAGE_SIZE = 100;
const SQLSERVER_PAGE_SIZE = 100;

const CDB_STATE: Readonly<Record<string, RunState>> = {
  0: 'pending',
  1: 'running',
  4: 'stopped',
  5: 'stopped',
};
const PG_STATE: Readonly<Record<string, RunState>> = {
  applying: 'pending',
  init: 'pending',
  initing: 'pending',
  running: 'running',
  restarting: 'pending',
  isolating: 'pending',
  isolated: 'stopped',
  offline: 'stopped',
};
const SQLSERVER_STATE: Readonly<Record<string, RunState>> = {
  1: 'pending',
  2: 'running',
  3: 'stopped',
  4: 'stopped',
  5: 'pending',
};

function fields(
  ctx: MapContext,
  nativeId: string,
  name: string | undefined,
  tags: Record<string, string>,
  createdAt: string | undefined,
) {
  return baseFields(ctx, 'rds_instance', nativeId, nonEmpty(name) ?? nativeId, tags, createdAt);
}

/** TencentDB for MySQL: InstanceType 1 primary, 3 read-only, 2 disaster-recovery (a replica elsewhere). */
function mapCdbInstanceUnguarded(raw: wire.CdbInstance, ctx: MapContext): RdsInstance {
  return {
    ...fields(
      ctx,
      raw.InstanceId ?? '',
      raw.InstanceName,
      tencentTags(raw.TagList),
      raw.CreateTime,
    ),
    engine: 'mysql',
    engine_name: 'MySQL',
    state: lookup(CDB_STATE, String(raw.Status), 'unknown'),
    role: raw.InstanceType === 1 ? 'primary' : raw.InstanceType === 3 ? 'readonly' : 'other',
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.UniqSubnetId)]),
    ...defined({
      engine_version: nonEmpty(raw.EngineVersion),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.UniqVpcId)),
      zone_id: zoneRef(ctx, raw.Zone),
      endpoint: nonEmpty(raw.Vip),
      port: raw.Vport,
      instance_class: nonEmpty(raw.DeviceType),
    }),
  };
}

/** The opened private address of a PostgreSQL instance. */
function pgPrivate(raw: wire.PgInstance): wire.PgNetInfo | undefined {
  return (raw.DBInstanceNetInfo ?? []).find(
    (n) => n.NetType === 'private' && n.Status === 'opened',
  );
}

function mapPgInstanceUnguarded(raw: wire.PgInstance, ctx: MapContext): RdsInstance {
  const net = pgPrivate(raw);
  return {
    ...fields(
      ctx,
      raw.DBInstanceId ?? '',
      raw.DBInstanceName,
      tencentTags(raw.TagList),
      raw.CreateTime,
    ),
    engine: 'postgresql',
    engine_name: 'PostgreSQL',
    state: lookup(PG_STATE, raw.DBInstanceStatus, 'unknown'),
    role:
      raw.DBInstanceType === 'readonly'
        ? 'readonly'
        : raw.DBInstanceType === 'primary'
          ? 'primary'
          : 'other',
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.SubnetId)]),
    ...defined({
      engine_version: nonEmpty(raw.DBVersion),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      zone_id: zoneRef(ctx, raw.Zone),
      endpoint: nonEmpty(net?.Address) ?? nonEmpty(net?.Ip),
      port: net?.Port,
      instance_class: nonEmpty(raw.DBInstanceClass),
    }),
  };
}

/** SQL Server: Type `HA`/`RO`/`SI`...; a read-only instance is `RO`. */
function mapSqlServerInstanceUnguarded(raw: wire.SqlServerInstance, ctx: MapContext): RdsInstance {
  return {
    ...fields(ctx, raw.InstanceId ?? '', raw.Name, tencentTags(raw.ResourceTags), raw.CreateTime),
    engine: 'sqlserver',
    engine_name: 'SQL Server',
    state: lookup(SQLSERVER_STATE, String(raw.Status), 'unknown'),
    role: raw.Type === 'RO' ? 'readonly' : 'primary',
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.UniqSubnetId)]),
    ...defined({
      engine_version: nonEmpty(raw.VersionName) ?? nonEmpty(raw.Version),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.UniqVpcId)),
      zone_id: zoneRef(ctx, raw.Zone),
      endpoint: nonEmpty(raw.Vip),
      port: raw.Vport,
    }),
  };
}

/** The instance, its VPC address as an interface, and (PostgreSQL) its opened public addresses. */
export function rdsRecords(
  rds: RdsInstance,
  net: { vpcId?: string | undefined; subnetId?: string | undefined; vip?: string | undefined },
  publicIps: readonly string[],
  ctx: MapContext,
): KindRecord[] {
  const out: KindRecord[] = [{ kind: 'rds_instance', record: rds }];
  out.push({
    kind: 'network_interface',
    record: deviceInterface(ctx, 'rds_instance', rds.native_id, {
      vpcId: net.vpcId,
      subnetId: net.subnetId,
      privateIps: [net.vip],
    }),
  });
  for (const ip of publicIps) {
    const record = ephemeralIp(ctx, ip, {
      kind: 'rds_instance',
      nativeId: rds.native_id,
      interfaceNativeId: rds.native_id,
      privateIp: net.vip,
    });
    out.push({ kind: 'public_ip', record });
  }
  return out;
}

type Ctx = FetchContext<TencentSession>;

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the page's wire type
function list<P extends { TotalCount?: number }, T>(
  ctx: Ctx,
  op: Operation,
  pageSize: number,
  items: (p: P) => readonly T[] | undefined,
  idOf: (t: T) => string | undefined,
): AsyncGenerator<T, void, undefined> {
  return listByOffset<P, T>(
    ctx,
    ctx.session.clients,
    op,
    ctx.region,
    {},
    { pageSize, items, idOf },
  );
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const rdsInstanceFetcher: ResourceFetcher<TencentSession> = {
  kind: 'rds_instance',
  alsoEmits: ['network_interface', 'public_ip'],
  scope: 'regional',
  operations: [DESCRIBE_CDB, DESCRIBE_POSTGRES, DESCRIBE_SQLSERVER],
  async *fetch(ctx) {
    // The three engines are three products: listed side by side.
    const listings = Promise.all([
      all(
        list<wire.DescribeCdbInstances, wire.CdbInstance>(
          ctx,
          DESCRIBE_CDB,
          CDB_PAGE_SIZE,
          (p) => p.Items,
          (i) => i.InstanceId,
        ),
      ),
      all(
        list<wire.DescribePgInstances, wire.PgInstance>(
          ctx,
          DESCRIBE_POSTGRES,
          PG_PAGE_SIZE,
          (p) => p.DBInstanceSet,
          (i) => i.DBInstanceId,
        ),
      ),
      all(
        list<wire.DescribeSqlServerInstances, wire.SqlServerInstance>(
          ctx,
          DESCRIBE_SQLSERVER,
          SQLSERVER_PAGE_SIZE,
          (p) => p.DBInstances,
          (i) => i.InstanceId,
        ),
      ),
    ]);
    const [cdb, pg, mssql] = await listings;
    const m = ctx.map;
    for (const raw of cdb) {
      if (!raw.InstanceId) continue;
      const net = { vpcId: raw.UniqVpcId, subnetId: raw.UniqSubnetId, vip: raw.Vip };
      yield* rdsRecords(mapCdbInstance(raw, m), net, [], m);
    }
    for (const raw of pg) {
      if (!raw.DBInstanceId) continue;
      const net = { vpcId: raw.VpcId, subnetId: raw.SubnetId, vip: pgPrivate(raw)?.Ip };
      const open = (raw.DBInstanceNetInfo ?? []).filter(
        (n) => n.NetType === 'public' && n.Status === 'opened',
      );
      yield* rdsRecords(
        mapPgInstance(raw, m),
        net,
        open.map((n) => n.Ip ?? '').filter((ip) => ip !== ''),
        m,
      );
    }
    for (const raw of mssql) {
      if (!raw.InstanceId) continue;
      const net = { vpcId: raw.UniqVpcId, subnetId: raw.UniqSubnetId, vip: raw.Vip };
      yield* rdsRecords(mapSqlServerInstance(raw, m), net, [], m);
    }
  },
};

/** `mapCdbInstanceUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapCdbInstance = guardMapper(
  'tencent CDB instance',
  mapCdbInstanceUnguarded,
  RdsInstanceSchema,
);

/** `mapPgInstanceUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapPgInstance = guardMapper(
  'tencent PostgreSQL instance',
  mapPgInstanceUnguarded,
  RdsInstanceSchema,
);

/** `mapSqlServerInstanceUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapSqlServerInstance = guardMapper(
  'tencent SQL Server instance',
  mapSqlServerInstanceUnguarded,
  RdsInstanceSchema,
);
