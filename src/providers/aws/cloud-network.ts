import { guardMapper } from '../mapper-guard.js';
import { CloudNetworkSchema } from '../../model/index.js';
import type { TransitGateway, TransitGatewayAttachment } from '@aws-sdk/client-ec2';
import type {
  Availability,
  CloudNetwork,
  CloudNetworkAttachment,
  MapContext,
} from '../../model/index.js';
import { lookup, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { listAll, paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeTransitGatewayAttachmentsCommand, DescribeTransitGatewaysCommand } = ec2Sdk;

const DESCRIBE_TRANSIT_GATEWAYS = awsOperation('ec2', 'DescribeTransitGateways', false);
const DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS = awsOperation(
  'ec2',
  'DescribeTransitGatewayAttachments',
  false,
);

const TGW_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  pending: 'pending',
  modifying: 'pending',
  deleting: 'deleting',
};

const ATTACHMENT_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  initiating: 'pending',
  initiatingRequest: 'pending',
  pendingAcceptance: 'pending',
  pending: 'pending',
  modifying: 'pending',
  rollingBack: 'pending',
  deleting: 'deleting',
  rejecting: 'deleting',
  failing: 'error',
};

const ATTACHMENT_TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  vpc: 'vpc',
  vpn: 'vpn',
  'direct-connect-gateway': 'direct_connect',
  peering: 'peering',
  'tgw-peering': 'peering',
};

const GONE = new Set(['deleted', 'rejected', 'failed']);

export function isListedTransitGateway(raw: TransitGateway): boolean {
  return raw.State !== 'deleted';
}

export function isListedAttachment(raw: TransitGatewayAttachment): boolean {
  return !GONE.has(raw.State ?? '');
}

function mapAttachment(
  raw: TransitGatewayAttachment,
  ctx: MapContext,
  accountId: string | undefined,
): CloudNetworkAttachment {
  const isVpc = raw.ResourceType === 'vpc';
  const ours = isVpc && raw.ResourceId !== undefined && raw.ResourceOwnerId === accountId;
  return {
    native_id: raw.TransitGatewayAttachmentId ?? '',
    type: lookup(ATTACHMENT_TYPE, raw.ResourceType, 'other'),
    ...defined({
      resource_native_id: raw.ResourceId,
      // A VPC attachment is always in the transit gateway's region.
      resource_region: isVpc ? ctx.region : undefined,
      resource_account_id: raw.ResourceOwnerId,
      vpc_id: ours && raw.ResourceId ? resourceId(ctx, 'vpc', raw.ResourceId) : undefined,
    }),
    state: lookup(ATTACHMENT_STATE, raw.State, 'unknown'),
  };
}

/** A transit gateway with the attachments DescribeTransitGatewayAttachments listed for it. */
function mapTransitGatewayUnguarded(
  raw: TransitGateway,
  attachments: readonly TransitGatewayAttachment[],
  ctx: MapContext,
  accountId: string | undefined,
): CloudNetwork {
  const nativeId = raw.TransitGatewayId ?? '';
  const mapped = attachments
    .filter((a) => a.TransitGatewayId === nativeId && isListedAttachment(a))
    .map((a) => mapAttachment(a, ctx, accountId));
  const vpcIds: string[] = [];
  for (const a of mapped)
    if (a.vpc_id !== undefined && !vpcIds.includes(a.vpc_id)) vpcIds.push(a.vpc_id);
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nameFromTags(raw.Tags, nativeId),
      awsTags(raw.Tags),
      raw.CreationTime,
    ),
    state: lookup(TGW_STATE, raw.State, 'unknown'),
    vpc_ids: vpcIds,
    attachments: mapped,
  };
}

export const cloudNetworkFetcher: ResourceFetcher<AwsSession> = {
  kind: 'cloud_network',
  scope: 'regional',
  operations: [DESCRIBE_TRANSIT_GATEWAYS, DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const gateways = (
      await listAll(
        paginate(
          ctx,
          DESCRIBE_TRANSIT_GATEWAYS,
          ctx.region,
          (token, signal) =>
            ec2.send(new DescribeTransitGatewaysCommand({ MaxResults: 1000, NextToken: token }), {
              abortSignal: signal,
            }),
          (page) => page.NextToken,
        ),
        (page) => page.TransitGateways,
      )
    ).filter(isListedTransitGateway);
    if (gateways.length === 0) return;
    const attachments = await listAll(
      paginate(
        ctx,
        DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS,
        ctx.region,
        (token, signal) =>
          ec2.send(
            new DescribeTransitGatewayAttachmentsCommand({ MaxResults: 1000, NextToken: token }),
            { abortSignal: signal },
          ),
        (page) => page.NextToken,
      ),
      (page) => page.TransitGatewayAttachments,
    );
    for (const raw of gateways) {
      yield {
        kind: 'cloud_network',
        record: mapTransitGateway(raw, attachments, ctx.map, ctx.session.accountId),
      };
    }
  },
};

/** `mapTransitGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapTransitGateway = guardMapper(
  'aws transit gateway',
  mapTransitGatewayUnguarded,
  CloudNetworkSchema,
);
