import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { Availability, MapContext, Vpc } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_VPCS = aliyunOperation('vpc', 'DescribeVpcs', true);

export const VPC_PAGE_SIZE = 50;

/** Shared by VPCs and vSwitches: `Pending` / `Available`. */
export const NETWORK_STATE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Pending: 'pending',
  Creating: 'pending',
  Deleting: 'deleting',
};

/** name = VpcName, else CidrBlock, else VpcId (as DeepFlow names them). */
function mapVpcUnguarded(raw: wire.Vpc, ctx: MapContext): Vpc {
  const nativeId = raw.VpcId ?? '';
  const name = nonEmpty(raw.VpcName) ?? nonEmpty(raw.CidrBlock) ?? nativeId;
  return {
    ...baseFields(ctx, 'vpc', nativeId, name, aliyunTags(raw.Tags), raw.CreationTime),
    cidrs: compact([
      raw.CidrBlock,
      ...(raw.SecondaryCidrBlocks?.SecondaryCidrBlock ?? []),
      raw.Ipv6CidrBlock,
    ]),
    is_default: raw.IsDefault ?? false,
    state: lookup(NETWORK_STATE, raw.Status, 'unknown'),
  };
}

export const vpcFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [DESCRIBE_VPCS],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeVpcs, wire.Vpc>(
      ctx,
      ctx.session.clients,
      DESCRIBE_VPCS,
      ctx.region,
      { RegionId: ctx.region },
      { pageSize: VPC_PAGE_SIZE, items: (p) => p.Vpcs?.Vpc, idOf: (v) => v.VpcId },
    );
    for await (const raw of items) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('aliyun vpc', mapVpcUnguarded, VpcSchema);
