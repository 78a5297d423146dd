import { guardMapper } from '../mapper-guard.js';
import { RdsInstanceSchema } from '../../model/index.js';
import type { MapContext, RdsEngine, RdsInstance, RunState } from '../../model/index.js';
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

const LIST_SQL_SERVERS = azureOperation('sqlServers.list', 'Microsoft.Sql/servers/read', false);
const LIST_MYSQL_SERVERS = azureOperation(
  'mysqlFlexibleServers.list',
  'Microsoft.DBforMySQL/flexibleServers/read',
  false,
);
const LIST_POSTGRES_SERVERS = azureOperation(
  'postgresFlexibleServers.listBySubscription',
  'Microsoft.DBforPostgreSQL/flexibleServers/read',
  false,
);

const SERVER_STATE: Readonly<Record<string, RunState>> = {
  Ready: 'running',
  Stopped: 'stopped',
  Disabled: 'stopped',
  Starting: 'pending',
  Stopping: 'pending',
  Updating: 'running',
  Provisioning: 'pending',
  Dropping: 'pending',
};

/** The fields MySQL and PostgreSQL flexible servers share. */
export interface FlexibleServer {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly version?: string;
  readonly state?: string;
  readonly fullyQualifiedDomainName?: string;
  readonly availabilityZone?: string;
  readonly replicationRole?: string;
  readonly sourceServerResourceId?: string;
  readonly sku?: { readonly name?: string };
  readonly network?: { readonly delegatedSubnetResourceId?: string };
  readonly systemData?: { readonly createdAt?: Date };
}

/** A flexible server; VNet-integrated ones name their delegated subnet (public-access ones have no VPC). */
function mapFlexibleServerUnguarded(
  raw: FlexibleServer,
  engine: Extract<RdsEngine, 'mysql' | 'postgresql'>,
  ctx: MapContext,
): RdsInstance {
  const nativeId = armId(raw.id) ?? '';
  const subnet = armId(raw.network?.delegatedSubnetResourceId);
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  const zone = zoneRef(ctx, raw.availabilityZone);
  const endpoint = nonEmpty(raw.fullyQualifiedDomainName);
  const version = nonEmpty(raw.version);
  const sku = nonEmpty(raw.sku?.name);
  const source = armId(raw.sourceServerResourceId);
  const replica = raw.replicationRole === 'Replica' || raw.replicationRole === 'AsyncReplica';
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
      raw.systemData?.createdAt,
    ),
    engine,
    engine_name: engine === 'mysql' ? 'MySQL flexible server' : 'PostgreSQL flexible server',
    ...(version === undefined ? {} : { engine_version: version }),
    state: lookup(SERVER_STATE, raw.state, 'unknown'),
    role: replica ? 'readonly' : 'primary',
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    ...(zone === undefined ? {} : { zone_id: zone }),
    subnet_ids: refs(ctx, 'subnet', [subnet]),
    ...(endpoint === undefined ? {} : { endpoint }),
    port: engine === 'mysql' ? 3306 : 5432,
    ...(sku === undefined ? {} : { instance_class: sku }),
    ...(replica && source !== undefined ? { cluster_native_id: source } : {}),
  };
}

/** An Azure SQL logical server (reached through its public endpoint or private endpoints; no VPC of its own). */
function mapSqlServerUnguarded(raw: wire.SqlServer, ctx: MapContext): RdsInstance {
  const nativeId = armId(raw.id) ?? '';
  const endpoint = nonEmpty(raw.fullyQualifiedDomainName);
  const version = nonEmpty(raw.version);
  return {
    ...baseFields(
      ctx,
      'rds_instance',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    engine: 'sqlserver',
    engine_name: 'Azure SQL',
    ...(version === undefined ? {} : { engine_version: version }),
    state: lookup(SERVER_STATE, raw.state, 'unknown'),
    role: 'primary',
    subnet_ids: [],
    ...(endpoint === undefined ? {} : { endpoint }),
    port: 1433,
  };
}

export const rdsInstanceFetcher: ResourceFetcher<AzureSession> = {
  kind: 'rds_instance',
  scope: 'regional',
  operations: [LIST_SQL_SERVERS, LIST_MYSQL_SERVERS, LIST_POSTGRES_SERVERS],
  async *fetch(ctx) {
    const c = ctx.session.clients;
    const opts = { abortSignal: ctx.signal };
    const [sql, mysql, postgres] = await Promise.all([
      shared(ctx, LIST_SQL_SERVERS, (s) => c.sql(s).servers.list(opts), c.tokens.sql),
      shared(ctx, LIST_MYSQL_SERVERS, (s) => c.mysql(s).servers.list(opts), c.tokens.mysql),
      shared(
        ctx,
        LIST_POSTGRES_SERVERS,
        (s) => c.postgres(s).servers.listBySubscription(opts),
        c.tokens.postgres,
      ),
    ]);
    for (const raw of sql) {
      if (inRegion(raw, ctx.region))
        yield { kind: 'rds_instance', record: mapSqlServer(raw, ctx.map) };
    }
    for (const [list, engine] of [
      [mysql, 'mysql'],
      [postgres, 'postgresql'],
    ] as const) {
      for (const raw of list as readonly FlexibleServer[]) {
        if (inRegion(raw, ctx.region)) {
          yield { kind: 'rds_instance', record: mapFlexibleServer(raw, engine, ctx.map) };
        }
      }
    }
  },
};

/** `mapFlexibleServerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapFlexibleServer = guardMapper(
  'azure flexible server',
  mapFlexibleServerUnguarded,
  RdsInstanceSchema,
);
/** `mapSqlServerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSqlServer = guardMapper(
  'azure sql server',
  mapSqlServerUnguarded,
  RdsInstanceSchema,
);
