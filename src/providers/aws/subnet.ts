import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { Subnet as AwsSubnet } from '@aws-sdk/client-ec2';
import type { Availability, MapContext, Subnet } from '../../model/index.js';
import { compact, lookup, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags, zoneRef } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeSubnetsCommand } = ec2Sdk;

const DESCRIBE_SUBNETS = awsOperation('ec2', 'DescribeSubnets', true);

const SUBNET_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  pending: 'pending',
  unavailable: 'error',
  failed: 'error',
  'failed-insufficient-capacity': 'error',
};

const LIVE_CIDR = new Set(['associated', 'associating']);

/**
 * A subnet. `route_table_id` stays unset: the association lives in DescribeRouteTables, and the route
 * table records carry it as `subnet_ids`.
 */
function mapSubnetUnguarded(raw: AwsSubnet, ctx: MapContext): Subnet {
  const nativeId = raw.SubnetId ?? '';
  const v6 = (raw.Ipv6CidrBlockAssociationSet ?? [])
    .filter((a) => LIVE_CIDR.has(a.Ipv6CidrBlockState?.State ?? 'associated'))
    .map((a) => a.Ipv6CidrBlock);
  return {
    ...baseFields(ctx, 'subnet', nativeId, nameFromTags(raw.Tags, nativeId), awsTags(raw.Tags)),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({ zone_id: zoneRef(ctx, raw.AvailabilityZone) }),
    cidrs: compact([raw.CidrBlock, ...v6]),
    state: lookup(SUBNET_STATE, raw.State, 'unknown'),
  };
}

export const subnetFetcher: ResourceFetcher<AwsSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [DESCRIBE_SUBNETS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_SUBNETS,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeSubnetsCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.Subnets ?? [])
        yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('aws subnet', mapSubnetUnguarded, SubnetSchema);
