import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_PEERINGS = tencentOperation('vpc', 'DescribeVpcPeeringConnections', false);

const PEERING_PAGE_SIZE = 100;

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  PENDING: 'pending',
  ACTIVE: 'available',
  EXPIRED: 'error',
  REJECTED: 'error',
  DELETED: 'deleting',
};

/**
 * A peering as seen from the synced region: the side in this region is local (a cross-region peering is
 * listed by both regions, each from its own side).
 */
function mapPeeringConnectionUnguarded(
  raw: wire.PeeringConnection,
  ctx: MapContext,
): PeeringConnection {
  const nativeId = raw.PeeringConnectionId ?? '';
  const source = {
    vpc: raw.SourceVpcId ?? '',
    region: nonEmpty(raw.SourceRegion) ?? ctx.region,
    account: nonEmpty(raw.SourceUin),
  };
  const destination = {
    vpc: raw.DestinationVpcId ?? '',
    region: nonEmpty(raw.DestinationRegion) ?? ctx.region,
    account: nonEmpty(raw.DestinationUin),
  };
  const [local, remote] =
    source.region === ctx.region ? [source, destination] : [destination, source];
  const sameAccount = local.account === remote.account;
  return {
    ...baseFields(
      ctx,
      'peering_connection',
      nativeId,
      nonEmpty(raw.PeeringConnectionName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreateTime,
    ),
    state: lookup(PEERING_STATE, raw.State, 'unknown'),
    local_vpc_native_id: local.vpc,
    local_region: local.region,
    remote_vpc_native_id: remote.vpc,
    remote_region: remote.region,
    ...defined({
      local_account_id: local.account,
      remote_account_id: remote.account,
      local_vpc_id:
        local.vpc === '' ? undefined : resourceIdIn(ctx, local.region, 'vpc', local.vpc),
      remote_vpc_id:
        remote.vpc === '' || !sameAccount
          ? undefined
          : resourceIdIn(ctx, remote.region, 'vpc', remote.vpc),
    }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<TencentSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [DESCRIBE_PEERINGS],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeVpcPeeringConnections, wire.PeeringConnection>(
      ctx,
      ctx.session.clients,
      DESCRIBE_PEERINGS,
      ctx.region,
      {},
      {
        pageSize: PEERING_PAGE_SIZE,
        items: (p) => p.PeerConnectionSet,
        idOf: (c) => c.PeeringConnectionId,
      },
    );
    for await (const raw of items) {
      if (raw.PeeringConnectionId) {
        yield { kind: 'peering_connection', record: mapPeeringConnection(raw, ctx.map) };
      }
    }
  },
};

/** `mapPeeringConnectionUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapPeeringConnection = guardMapper(
  'tencent peering connection',
  mapPeeringConnectionUnguarded,
  PeeringConnectionSchema,
);
