import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { VpcPeeringConnection, VpcPeeringConnectionVpcInfo } from '@aws-sdk/client-ec2';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeVpcPeeringConnectionsCommand } = ec2Sdk;

const DESCRIBE_VPC_PEERING_CONNECTIONS = awsOperation(
  'ec2',
  'DescribeVpcPeeringConnections',
  false,
);

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  'initiating-request': 'pending',
  'pending-acceptance': 'pending',
  provisioning: 'pending',
  deleting: 'deleting',
};

/** Finished requests (deleted, rejected, expired, failed) linger in the listing; they join nothing. */
const GONE = new Set(['deleted', 'rejected', 'expired', 'failed']);

/**
 * Live peerings. A cross-region peering is listed in both regions and kept in both: each region's
 * route tables refer to the record of their own region.
 */
export function isListedPeering(raw: VpcPeeringConnection): boolean {
  return !GONE.has(raw.Status?.Code ?? '');
}

/** The reference of one side's VPC, only when that VPC belongs to this account. */
function vpcRef(
  side: VpcPeeringConnectionVpcInfo | undefined,
  ctx: MapContext,
  accountId: string | undefined,
): string | undefined {
  if (!side?.VpcId || accountId === undefined || side.OwnerId !== accountId) return undefined;
  return resourceIdIn(ctx, side.Region ?? ctx.region, 'vpc', side.VpcId);
}

/** A peering; `local` is the requester, `remote` the accepter, as in DeepFlow. */
function mapPeeringConnectionUnguarded(
  raw: VpcPeeringConnection,
  ctx: MapContext,
  accountId: string | undefined,
): PeeringConnection {
  const nativeId = raw.VpcPeeringConnectionId ?? '';
  const local = raw.RequesterVpcInfo;
  const remote = raw.AccepterVpcInfo;
  return {
    ...baseFields(
      ctx,
      'peering_connection',
      nativeId,
      nameFromTags(raw.Tags, nativeId),
      awsTags(raw.Tags),
    ),
    state: lookup(PEERING_STATE, raw.Status?.Code, 'unknown'),
    local_vpc_native_id: local?.VpcId ?? '',
    local_region: local?.Region ?? ctx.region,
    remote_vpc_native_id: remote?.VpcId ?? '',
    remote_region: remote?.Region ?? ctx.region,
    ...defined({
      local_account_id: local?.OwnerId,
      remote_account_id: remote?.OwnerId,
      local_vpc_id: vpcRef(local, ctx, accountId),
      remote_vpc_id: vpcRef(remote, ctx, accountId),
    }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<AwsSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [DESCRIBE_VPC_PEERING_CONNECTIONS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const accountId = ctx.session.accountId;
    const pages = paginate(
      ctx,
      DESCRIBE_VPC_PEERING_CONNECTIONS,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.VpcPeeringConnections ?? []) {
        if (isListedPeering(raw)) {
          yield {
            kind: 'peering_connection',
            record: mapPeeringConnection(raw, ctx.map, accountId),
          };
        }
      }
    }
  },
};

/** `mapPeeringConnectionUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPeeringConnection = guardMapper(
  'aws peering connection',
  mapPeeringConnectionUnguarded,
  PeeringConnectionSchema,
);
