import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { MapContext, RdsEngine, RdsInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, refIds, zoneRef } from './common.js';
import { rdsSdk } from './sdk.js';

const { DescribeDBInstancesCommand } = rdsSdk;

const DESCRIBE_DB_INSTANCES = awsOperation('rds', 'DescribeDBInstances', false);

const ENGINE: Readonly<Record<string, RdsEngine>> = {
  mysql: 'mysql',
  'aurora-mysql': 'mysql',
  aurora: 'mysql',
  postgres: 'postgresql',
  'aurora-postgresql': 'postgresql',
  mariadb: 'mariadb',
};

/** Engine families with editions (`oracle-ee`, `sqlserver-se`, `custom-oracle-ee`, ...). */
const ENGINE_PREFIX: readonly (readonly [RegExp, RdsEngine])[] = [
  [/^(custom-)?oracle-/, 'oracle'],
  [/^(custom-)?sqlserver-/, 'sqlserver'],
];

export function engineOf(engine: string | undefined): RdsEngine {
  const exact = lookup<RdsEngine | undefined>(ENGINE, engine, undefined);
  if (exact !== undefined) return exact;
  const family = ENGINE_PREFIX.find(([re]) => re.test(engine ?? ''));
  return family?.[1] ?? 'other';
}

/** DBInstanceStatus values (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html). */
const RDS_STATE: Readonly<Record<string, RunState>> = {
  available: 'running',
  'backing-up': 'running',
  'configuring-enhanced-monitoring': 'running',
  'configuring-iam-database-auth': 'running',
  'configuring-log-exports': 'running',
  'converting-to-vpc': 'running',
  maintenance: 'running',
  modifying: 'running',
  'moving-to-vpc': 'running',
  renaming: 'running',
  'resetting-master-credentials': 'running',
  'storage-optimization': 'running',
  upgrading: 'running',
  creating: 'pending',
  starting: 'pending',
  stopping: 'pending',
  rebooting: 'pending',
  deleting: 'pending',
  'delete-precheck': 'pending',
  'storage-full': 'error',
  failed: 'error',
  'inaccessible-encryption-credentials': 'error',
  'inaccessible-encryption-credentials-recoverable': 'error',
  'incompatible-network': 'error',
  'incompatible-option-group': 'error',
  'incompatible-parameters': 'error',
  'incompatible-restore': 'error',
  'insufficient-capacity': 'error',
  'restore-error': 'error',
  stopped: 'stopped',
};

/**
 * A DB instance (native id = DBInstanceIdentifier). A read replica is `readonly`; an Aurora or Multi-AZ
 * cluster member's role needs DescribeDBClusters (IsClusterWriter), so it is `other`.
 */
function mapRdsInstanceUnguarded(raw: DBInstance, ctx: MapContext): RdsInstance {
  const nativeId = raw.DBInstanceIdentifier ?? '';
  const subnets = raw.DBSubnetGroup?.Subnets ?? [];
  const role: RdsInstance['role'] =
    raw.ReadReplicaSourceDBInstanceIdentifier || raw.ReadReplicaSourceDBClusterIdentifier
      ? 'readonly'
      : raw.DBClusterIdentifier
        ? 'other'
        : 'primary';
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nativeId,
      awsTags(raw.TagList),
      raw.InstanceCreateTime,
    ),
    engine: engineOf(raw.Engine),
    ...defined({ engine_name: raw.Engine, engine_version: raw.EngineVersion }),
    state: lookup(RDS_STATE, raw.DBInstanceStatus, 'unknown'),
    role,
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.DBSubnetGroup?.VpcId),
      zone_id: zoneRef(ctx, raw.AvailabilityZone),
    }),
    subnet_ids: refIds(
      ctx,
      'subnet',
      subnets.map((s) => s.SubnetIdentifier),
    ),
    ...defined({
      endpoint: raw.Endpoint?.Address,
      port: raw.Endpoint?.Port ?? raw.DbInstancePort,
      instance_class: raw.DBInstanceClass,
      cluster_native_id: raw.DBClusterIdentifier,
    }),
  };
}

export const rdsInstanceFetcher: ResourceFetcher<AwsSession> = {
  kind: 'rds_instance',
  scope: 'regional',
  operations: [DESCRIBE_DB_INSTANCES],
  async *fetch(ctx) {
    const rds = ctx.session.clients.rds(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_DB_INSTANCES,
      ctx.region,
      (Marker, signal) =>
        rds.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker }), {
          abortSignal: signal,
        }),
      (page) => page.Marker,
    );
    for await (const page of pages) {
      for (const raw of page.DBInstances ?? []) {
        yield { kind: 'rds_instance', record: mapRdsInstance(raw, ctx.map) };
      }
    }
  },
};

/** `mapRdsInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdsInstance = guardMapper(
  'aws rds instance',
  mapRdsInstanceUnguarded,
  RdsInstanceSchema,
);
