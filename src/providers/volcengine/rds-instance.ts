import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { MapContext, RdsEngine, RdsInstance, RunState } from '../../model/index.js';
import { lookup, refId, toInt } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { Operation, ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { listByPageNumber } from './paging.js';
import {
  baseFields,
  defined,
  nonEmpty,
  refIds,
  volcOperation,
  volcTags,
  zoneRef,
} from './common.js';
import type { VolcengineService } from './spec.js';
import type * as wire from './wire.js';

const RDS_PAGE_SIZE = 100;

/** The three database services, each with its list and per-instance detail call. */
const ENGINES: readonly {
  readonly engine: RdsEngine;
  readonly list: Operation;
  readonly detail: Operation;
}[] = (
  [
    ['mysql', 'rds_mysql'],
    ['postgresql', 'rds_postgresql'],
    ['sqlserver', 'rds_mssql'],
  ] as const satisfies readonly (readonly [RdsEngine, VolcengineService])[]
).map(([engine, service]) => ({
  engine,
  list: volcOperation(service, 'DescribeDBInstances', false),
  detail: volcOperation(service, 'DescribeDBInstanceDetail', false),
}));

/** DeepFlow keeps Running and Restoring instances. */
const RDS_STATE: Readonly<Record<string, RunState>> = {
  Running: 'running',
  Restoring: 'running',
  Creating: 'pending',
  Restarting: 'pending',
  Updating: 'pending',
  Stopped: 'stopped',
  Error: 'error',
  CreateFailed: 'error',
};

/** The private address of the instance's default endpoint, else of any endpoint. */
function privateAddress(detail: wire.DescribeDbInstanceDetail): wire.DbAddress | undefined {
  const addresses = (detail.Endpoints ?? []).flatMap((e) => e.Addresses ?? []);
  return addresses.find((a) => a.NetworkType === 'Private') ?? addresses[0];
}

/** An RDS instance of one engine with the address its detail gives. */
function mapRdsInstanceUnguarded(
  raw: wire.DbInstance,
  detail: wire.DescribeDbInstanceDetail,
  engine: RdsEngine,
  ctx: MapContext,
): RdsInstance {
  const nativeId = raw.InstanceId ?? '';
  const addr = privateAddress(detail);
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreateTime,
    ),
    engine,
    state: lookup(RDS_STATE, raw.InstanceStatus, 'unknown'),
    role: nonEmpty(raw.PrimaryInstanceId) === undefined ? 'primary' : 'readonly',
    subnet_ids: refIds(ctx, 'subnet', [raw.SubnetId, addr?.SubnetId]),
    ...defined({
      engine_name: nonEmpty(raw.DBEngineVersion)?.split('_')[0],
      engine_version: nonEmpty(raw.DBEngineVersion),
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      zone_id: zoneRef(ctx, raw.ZoneId),
      endpoint: nonEmpty(addr?.Domain) ?? nonEmpty(addr?.IPAddress),
      port: toInt(addr?.Port),
      instance_class: nonEmpty(raw.NodeSpec),
      cluster_native_id: nonEmpty(raw.PrimaryInstanceId),
    }),
  };
}

/** MySQL, PostgreSQL and SQL Server instances, each listed by its own service then asked for its detail. */
export const rdsInstanceFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'rds_instance',
  scope: 'regional',
  operations: ENGINES.flatMap((e) => [e.list, e.detail]),
  async *fetch(ctx) {
    const { clients } = ctx.session;
    // The three engines are listed at once (three services, no dependency between them).
    const listed = await Promise.all(
      ENGINES.map(async (e) => ({
        ...e,
        instances: (
          await collect(
            listByPageNumber<wire.DescribeDbInstances, wire.DbInstance>(
              ctx,
              clients,
              e.list,
              ctx.region,
              {},
              {
                pageSize: RDS_PAGE_SIZE,
                items: (p) => p.Instances,
                total: (p) => p.Total,
                idOf: (i) => i.InstanceId,
              },
            ),
          )
        ).filter((i) => i.InstanceId),
      })),
    );
    const rows = listed.flatMap(({ engine, detail, instances }) =>
      instances.map((raw) => ({ engine, detail, raw })),
    );
    const records = mapInOrder(rows, async ({ engine, detail, raw }) => {
      const d = await volcRequest<wire.DescribeDbInstanceDetail>(ctx, clients, detail, ctx.region, {
        InstanceId: raw.InstanceId ?? '',
      });
      return mapRdsInstance(raw, d, engine, ctx.map);
    });
    for await (const record of records) yield { kind: 'rds_instance', record };
  },
};

/** `mapRdsInstanceUnguarded` behind the hostile-shape guard. */
export const mapRdsInstance = guardMapper(
  'volcengine rds instance',
  mapRdsInstanceUnguarded,
  RdsInstanceSchema,
);
