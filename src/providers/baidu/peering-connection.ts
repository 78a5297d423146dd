import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { lookup, refId, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_PEER_CONNS = baiduOperation('vpc', 'ListPeerConns', false);

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  creating: 'pending',
  consulting: 'pending',
  confirming: 'pending',
  active: 'available',
  down: 'error',
  starting: 'pending',
  stopping: 'pending',
  deleting: 'deleting',
  deleted: 'deleting',
  expired: 'error',
  error: 'error',
  updating: 'pending',
};

/** Seen from this region: `local*` is this side, `peer*` the other (which may be another region or account). */
function mapPeeringUnguarded(raw: wire.PeerConn, ctx: MapContext): PeeringConnection {
  const nativeId = raw.peerConnId ?? '';
  const localRegion = nonEmpty(raw.localRegion) ?? ctx.region;
  const remoteRegion = nonEmpty(raw.peerRegion) ?? localRegion;
  const remoteVpc = nonEmpty(raw.peerVpcId);
  const sameAccount = nonEmpty(raw.peerAccountId) === undefined;
  return {
    ...baseFields(
      ctx,
      'peering_connection',
      nativeId,
      nonEmpty(raw.description) ?? nativeId,
      baiduTags(raw.tags),
      raw.createdTime,
    ),
    state: lookup(PEERING_STATE, raw.status, 'unknown'),
    local_vpc_native_id: raw.localVpcId ?? '',
    local_region: localRegion,
    remote_vpc_native_id: remoteVpc ?? '',
    remote_region: remoteRegion,
    ...defined({
      remote_account_id: nonEmpty(raw.peerAccountId),
      local_vpc_id: refId(ctx, 'vpc', raw.localVpcId),
      remote_vpc_id:
        remoteVpc === undefined || !sameAccount
          ? undefined
          : resourceIdIn(ctx, remoteRegion, 'vpc', remoteVpc),
    }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [LIST_PEER_CONNS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListPeerConns, wire.PeerConn>(
      ctx,
      LIST_PEER_CONNS,
      ctx.region,
      '/v1/peerconn',
      {},
      (p) => p.peerConns,
    );
    for await (const raw of items) {
      yield { kind: 'peering_connection', record: mapPeering(raw, ctx.map) };
    }
  },
};

/** `mapPeeringUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPeering = guardMapper(
  'baidu peering',
  mapPeeringUnguarded,
  PeeringConnectionSchema,
);
