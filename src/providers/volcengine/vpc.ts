import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { Availability, MapContext, Vpc } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { pagesByToken } from './paging.js';
import { baseFields, nonEmpty, volcOperation, volcTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_VPCS = volcOperation('vpc', 'DescribeVpcs', true);

/** The largest `MaxResults` of the NextToken-paged VPC lists. */
export const VPC_MAX_RESULTS = 100;

/** Shared by VPCs and subnets: `Creating` / `Available` / `Deleting` ... */
export const NETWORK_STATE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Pending: 'pending',
  Creating: 'pending',
  Deleting: 'deleting',
};

/** name = VpcName, else CidrBlock, else VpcId. */
function mapVpcUnguarded(raw: wire.Vpc, ctx: MapContext): Vpc {
  const nativeId = raw.VpcId ?? '';
  const name = nonEmpty(raw.VpcName) ?? nonEmpty(raw.CidrBlock) ?? nativeId;
  return {
    ...baseFields(ctx, 'vpc', nativeId, name, volcTags(raw.Tags), raw.CreationTime),
    cidrs: compact([raw.CidrBlock, ...(raw.SecondaryCidrBlocks ?? []), raw.Ipv6CidrBlock]),
    is_default: raw.IsDefault ?? false,
    state: lookup(NETWORK_STATE, raw.Status, 'unknown'),
  };
}

/** DescribeVpcs pages by NextToken/MaxResults (as DeepFlow asks it). */
export const vpcFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [DESCRIBE_VPCS],
  async *fetch(ctx) {
    const pages = pagesByToken<wire.DescribeVpcs>(
      ctx,
      ctx.session.clients,
      DESCRIBE_VPCS,
      ctx.region,
      {},
      VPC_MAX_RESULTS,
    );
    for await (const page of pages) {
      for (const raw of page.Vpcs ?? []) {
        if (raw.VpcId) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
      }
    }
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard. */
export const mapVpc = guardMapper('volcengine vpc', mapVpcUnguarded, VpcSchema);
