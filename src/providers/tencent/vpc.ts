import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { MapContext, Vpc } from '../../model/index.js';
import { compact } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, nonEmpty, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_VPCS = tencentOperation('vpc', 'DescribeVpcs', true);

/** The largest `Limit` of the VPC list APIs. */
export const VPC_PAGE_SIZE = 100;

/** name = VpcName, else VpcId. A listed VPC is available (the API has no state). */
function mapVpcUnguarded(raw: wire.Vpc, ctx: MapContext): Vpc {
  const nativeId = raw.VpcId ?? '';
  return {
    ...baseFields(
      ctx,
      'vpc',
      nativeId,
      nonEmpty(raw.VpcName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    cidrs: compact([
      raw.CidrBlock,
      ...(raw.AssistantCidrSet ?? []).map((c) => c.CidrBlock),
      raw.Ipv6CidrBlock,
    ]),
    is_default: raw.IsDefault ?? false,
    state: 'available',
  };
}

export const vpcFetcher: ResourceFetcher<TencentSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [DESCRIBE_VPCS],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeVpcs, wire.Vpc>(
      ctx,
      ctx.session.clients,
      DESCRIBE_VPCS,
      ctx.region,
      {},
      { pageSize: VPC_PAGE_SIZE, asStrings: true, items: (p) => p.VpcSet, idOf: (v) => v.VpcId },
    );
    for await (const raw of items) {
      if (raw.VpcId) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
    }
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapVpc = guardMapper('tencent vpc', mapVpcUnguarded, VpcSchema);
