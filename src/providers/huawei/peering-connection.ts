import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { lookup, refId, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { projectOf } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_PEERINGS = huaweiOperation('vpc', 'ListVpcPeerings', false, 'vpc:peerings:get');

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  ACTIVE: 'available',
  PENDING_ACCEPTANCE: 'pending',
  REJECTED: 'error',
  EXPIRED: 'error',
  DELETED: 'deleting',
};

/**
 * `projects` maps the account's project ids to their regions: a side in one of them is this account's VPC
 * (its `tenant_id` is the project), any other is a peer account's (`remote_account_id` = its project id).
 */
function mapPeeringUnguarded(
  raw: wire.Peering,
  projectId: string,
  projects: ReadonlyMap<string, string>,
  ctx: MapContext,
): PeeringConnection {
  const nativeId = raw.id ?? '';
  const req = raw.request_vpc_info ?? {};
  const acc = raw.accept_vpc_info ?? {};
  const [local, remote] =
    req.tenant_id === projectId || acc.tenant_id !== projectId ? [req, acc] : [acc, req];
  const remoteRegion = remote.tenant_id === undefined ? undefined : projects.get(remote.tenant_id);
  const remoteVpc = nonEmpty(remote.vpc_id);
  return {
    ...baseFields(
      ctx,
      'peering_connection',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      {},
      raw.created_at,
    ),
    state: lookup(PEERING_STATE, raw.status, 'unknown'),
    local_vpc_native_id: local.vpc_id ?? '',
    local_region: ctx.region,
    ...defined({ local_account_id: nonEmpty(local.tenant_id) }),
    remote_vpc_native_id: remoteVpc ?? '',
    remote_region: remoteRegion ?? ctx.region,
    ...defined({
      remote_account_id: remoteRegion === undefined ? nonEmpty(remote.tenant_id) : undefined,
      local_vpc_id: refId(ctx, 'vpc', nonEmpty(local.vpc_id)),
      remote_vpc_id:
        remoteRegion === undefined || remoteVpc === undefined
          ? undefined
          : resourceIdIn(ctx, remoteRegion, 'vpc', remoteVpc),
    }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [LIST_PEERINGS],
  async *fetch(ctx) {
    const projectId = projectOf(ctx.session, ctx.region) ?? '';
    const items = listByMarker<wire.ListPeerings, wire.Peering>(
      ctx,
      LIST_PEERINGS,
      ctx.region,
      '/v2.0/vpc/peerings',
      {},
      { limit: VPC_PAGE_SIZE, items: (p) => p.peerings, idOf: (p) => p.id },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.id) === undefined) continue;
      const record = mapPeering(raw, projectId, ctx.session.regionOfProject, ctx.map);
      yield { kind: 'peering_connection', record };
    }
  },
};

/** `mapPeeringUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPeering = guardMapper(
  'huawei peering',
  mapPeeringUnguarded,
  PeeringConnectionSchema,
);
