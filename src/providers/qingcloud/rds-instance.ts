import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type {
  MapContext,
  NetworkInterface,
  RdsEngine,
  RdsInstance,
  RunState,
} from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  serviceInterface,
  subnetOfVxnet,
  vpcOfVxnet,
  vxnetRouters,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_RDBS = qingcloudOperation('DescribeRDBs', false);

const ENGINE: Readonly<Record<string, RdsEngine>> = { mysql: 'mysql', psql: 'postgresql' };

/** Shared by RDBs and caches. */
export const SERVICE_STATE: Readonly<Record<string, RunState>> = {
  pending: 'pending',
  active: 'running',
  stopped: 'stopped',
  suspended: 'stopped',
};

/** An RDB (the primary/standby pair is one resource); its endpoint is the master IP. */
function mapRdbUnguarded(
  raw: wire.Rdb,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): RdsInstance {
  const nativeId = raw.rdb_id ?? '';
  const vxnet = nonEmpty(raw.vxnet?.vxnet_id);
  const subnet = subnetOfVxnet(ctx, routers, vxnet);
  return {
    ...baseFields(ctx, 'rds_instance', nativeId, raw.rdb_name, raw.tags, raw.create_time),
    engine: lookup(ENGINE, raw.rdb_engine, 'other'),
    ...defined({
      engine_name: nonEmpty(raw.rdb_engine),
      engine_version: nonEmpty(raw.engine_version),
    }),
    state: lookup(SERVICE_STATE, raw.status, 'unknown'),
    role: 'primary',
    ...defined({ vpc_id: vpcOfVxnet(ctx, routers, vxnet) }),
    subnet_ids: subnet === undefined ? [] : [subnet],
    ...defined({
      endpoint: nonEmpty(raw.master_ip),
      instance_class: raw.rdb_type === undefined ? undefined : String(raw.rdb_type),
    }),
  };
}

export function rdbInterface(
  raw: wire.Rdb,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): NetworkInterface | undefined {
  return serviceInterface(ctx, routers, {
    kind: 'rds_instance',
    deviceId: raw.rdb_id ?? '',
    vxnetId: nonEmpty(raw.vxnet?.vxnet_id),
    privateIps: compact([raw.master_ip]),
    createdAt: raw.create_time,
  });
}

export const rdsInstanceFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'rds_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_RDBS, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    const items = listAll<wire.Rdb>(
      ctx,
      ctx.session.client,
      DESCRIBE_RDBS,
      ctx.region,
      { verbose: 1 },
      { key: 'rdb_set', idOf: (r) => r.rdb_id },
    );
    for await (const raw of items) {
      if (!raw.rdb_id) continue;
      const byVxnet = await routers;
      yield { kind: 'rds_instance', record: mapRdb(raw, byVxnet, ctx.map) };
      const nic = rdbInterface(raw, byVxnet, ctx.map);
      if (nic !== undefined) yield { kind: 'network_interface', record: nic };
    }
  },
};

/** `mapRdbUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRdb = guardMapper('qingcloud rdb', mapRdbUnguarded, RdsInstanceSchema);
