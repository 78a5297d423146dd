import { guardMapper } from '../mapper-guard.js';
import { NatGatewaySchema } from '../../model/index.js';
import type { NatGateway as AwsNatGateway } from '@aws-sdk/client-ec2';
import type { Availability, MapContext, NatGateway } from '../../model/index.js';
import { compact, lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeNatGatewaysCommand } = ec2Sdk;

const DESCRIBE_NAT_GATEWAYS = awsOperation('ec2', 'DescribeNatGateways', false);

const NAT_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  pending: 'pending',
  deleting: 'deleting',
  failed: 'error',
};

/** Deleted NAT gateways stay listed for about an hour; they are gone. */
export function isListedNatGateway(raw: AwsNatGateway): boolean {
  return raw.State !== 'deleted';
}

/**
 * A NAT gateway with its addresses. AWS NAT gateways translate every source of the subnets that route
 * to them and have no SNAT/DNAT rule tables, so both rule lists are empty.
 */
function mapNatGatewayUnguarded(raw: AwsNatGateway, ctx: MapContext): NatGateway {
  const nativeId = raw.NatGatewayId ?? '';
  const addresses = raw.NatGatewayAddresses ?? [];
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nameFromTags(raw.Tags, nativeId),
      awsTags(raw.Tags),
      raw.CreateTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({ subnet_id: refId(ctx, 'subnet', raw.SubnetId) }),
    state: lookup(NAT_STATE, raw.State, 'unknown'),
    connectivity: raw.ConnectivityType === 'private' ? 'private' : 'public',
    public_ips: compact(addresses.map((a) => a.PublicIp)),
    private_ips: compact(addresses.map((a) => a.PrivateIp)),
    snat_rules: [],
    dnat_rules: [],
  };
}

export const natGatewayFetcher: ResourceFetcher<AwsSession> = {
  kind: 'nat_gateway',
  scope: 'regional',
  operations: [DESCRIBE_NAT_GATEWAYS],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_NAT_GATEWAYS,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeNatGatewaysCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const raw of page.NatGateways ?? []) {
        if (isListedNatGateway(raw)) {
          yield { kind: 'nat_gateway', record: mapNatGateway(raw, ctx.map) };
        }
      }
    }
  },
};

/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'aws nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
