import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { pagesByToken } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

/**
 * VPC peering is its own product, VpcPeer 2022-01-01, on the central endpoint `vpcpeer.aliyuncs.com`
 * (https://help.aliyun.com/zh/vpc/developer-reference/api-vpcpeer-2022-01-01-listvpcpeerconnections);
 * RAM authorises it as `vpc:ListVpcPeerConnections`.
 */
const LIST_VPC_PEER_CONNECTIONS = aliyunOperation('vpcpeer', 'ListVpcPeerConnections', false);

/** The largest MaxResults the API accepts (1–100, default 20). */
export const PEERING_PAGE_SIZE = 100;

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  Activated: 'available',
  Accepting: 'pending',
  Creating: 'pending',
  Updating: 'pending',
  Deleting: 'deleting',
};

/** Finished requests (deleted, rejected, expired) linger in the listing; they join nothing. */
const GONE = new Set(['Deleted', 'Rejected', 'Expired']);

/** Live peerings; a cross-region peering is listed (and kept) in both regions, as on AWS. */
export function isListedPeering(raw: wire.VpcPeerConnect): boolean {
  return !GONE.has(raw.Status ?? '');
}

/** Owner ids come as numbers (UIDs); the model keeps them as strings. */
function ownerOf(value: number | string | undefined): string | undefined {
  return value === undefined ? undefined : nonEmpty(String(value));
}

/**
 * A peering; `local` is the requester (the instance's owner, VpcId, RegionId), `remote` the accepter, as in
 * DeepFlow. The accepter's VPC is referenced only when it has the requester's owner: another account's VPC
 * is no record of this inventory.
 */
function mapPeeringConnectionUnguarded(
  raw: wire.VpcPeerConnect,
  ctx: MapContext,
): PeeringConnection {
  const nativeId = raw.InstanceId ?? '';
  const localVpc = nonEmpty(raw.VpcId);
  const localRegion = nonEmpty(raw.RegionId) ?? ctx.region;
  const remoteVpc = nonEmpty(raw.AcceptingVpc?.VpcId);
  const remoteRegion = nonEmpty(raw.AcceptingRegionId) ?? ctx.region;
  const localOwner = ownerOf(raw.OwnerId);
  const remoteOwner = ownerOf(raw.AcceptingOwnerUid);
  const sameOwner = localOwner !== undefined && localOwner === remoteOwner;
  return {
    ...baseFields(
      ctx,
      'peering_connection',
      nativeId,
      nonEmpty(raw.Name) ?? nativeId,
      aliyunTags({ Tag: raw.Tags ?? [] }),
      raw.GmtCreate,
    ),
    state: lookup(PEERING_STATE, raw.Status, 'unknown'),
    local_vpc_native_id: localVpc ?? '',
    local_region: localRegion,
    remote_vpc_native_id: remoteVpc ?? '',
    remote_region: remoteRegion,
    ...defined({
      local_account_id: localOwner,
      remote_account_id: remoteOwner,
      local_vpc_id:
        localVpc === undefined ? undefined : resourceIdIn(ctx, localRegion, 'vpc', localVpc),
      remote_vpc_id:
        remoteVpc === undefined || !sameOwner
          ? undefined
          : resourceIdIn(ctx, remoteRegion, 'vpc', remoteVpc),
    }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [LIST_VPC_PEER_CONNECTIONS],
  async *fetch(ctx) {
    const pages = pagesByToken<wire.ListVpcPeerConnections>(
      ctx,
      ctx.session.clients,
      LIST_VPC_PEER_CONNECTIONS,
      ctx.region,
      { RegionId: ctx.region },
      PEERING_PAGE_SIZE,
    );
    for await (const page of pages) {
      for (const raw of page.VpcPeerConnects ?? []) {
        if (isListedPeering(raw)) {
          yield { kind: 'peering_connection', record: mapPeeringConnection(raw, ctx.map) };
        }
      }
    }
  },
};

/** `mapPeeringConnectionUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPeeringConnection = guardMapper(
  'aliyun peering connection',
  mapPeeringConnectionUnguarded,
  PeeringConnectionSchema,
);
