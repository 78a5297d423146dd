import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { Vpc as AwsVpc } from '@aws-sdk/client-ec2';
import type { Availability, MapContext, Vpc } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, nameFromTags } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeVpcsCommand } = ec2Sdk;

const DESCRIBE_VPCS = awsOperation('ec2', 'DescribeVpcs', true);

const VPC_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  pending: 'pending',
  deleting: 'deleting',
};

/** Associated CIDR states; `disassociated`/`failed` blocks are history, not addresses in use. */
const LIVE_CIDR = new Set(['associated', 'associating']);

function mapVpcUnguarded(raw: AwsVpc, ctx: MapContext): Vpc {
  const nativeId = raw.VpcId ?? '';
  const v4 = (raw.CidrBlockAssociationSet ?? [])
    .filter((a) => LIVE_CIDR.has(a.CidrBlockState?.State ?? 'associated'))
    .map((a) => a.CidrBlock);
  const v6 = (raw.Ipv6CidrBlockAssociationSet ?? [])
    .filter((a) => LIVE_CIDR.has(a.Ipv6CidrBlockState?.State ?? 'associated'))
    .map((a) => a.Ipv6CidrBlock);
  return {
    ...baseFields(ctx, 'vpc', nativeId, nameFromTags(raw.Tags, nativeId), awsTags(raw.Tags)),
    cidrs: compact([raw.CidrBlock, ...v4, ...v6]),
    is_default: raw.IsDefault ?? false,
    state: lookup(VPC_STATE, raw.State, 'unknown'),
  };
}

export const vpcFetcher: ResourceFetcher<AwsSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [DESCRIBE_VPCS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_VPCS,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeVpcsCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.Vpcs ?? []) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
    }
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('aws vpc', mapVpcUnguarded, VpcSchema);
