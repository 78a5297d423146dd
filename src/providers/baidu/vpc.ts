import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { MapContext, Vpc } from '../../model/index.js';
import { compact } from '../../model/index.js';
import { collect } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, nonEmpty } from './common.js';
import type * as wire from './wire.js';

export const LIST_VPCS = baiduOperation('vpc', 'ListVpcs', true);

/** name = name, else the VPC id; BCE lists only usable VPCs, so every one is available. */
function mapVpcUnguarded(raw: wire.Vpc, ctx: MapContext): Vpc {
  const nativeId = raw.vpcId ?? '';
  return {
    ...baseFields(
      ctx,
      'vpc',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createdTime,
    ),
    cidrs: compact([raw.cidr, ...(raw.secondaryCidr ?? []), raw.ipv6Cidr]),
    is_default: raw.isDefault ?? false,
    state: 'available',
  };
}

type Ctx = Parameters<ResourceFetcher<BaiduSession>['fetch']>[0];

/** Per account (session) and region: the one VPC listing the VPC, ENI and route-table tasks share. */
const LISTINGS = new WeakMap<BaiduSession, Map<string, Promise<readonly wire.Vpc[]>>>();

/**
 * Every VPC of the region, listed once per account and region however many tasks need it (ENIs and route
 * tables are asked per VPC). A failed listing is not kept: the next task asks again.
 */
export function listVpcs(ctx: Ctx): Promise<readonly wire.Vpc[]> {
  let byRegion = LISTINGS.get(ctx.session);
  if (byRegion === undefined) {
    byRegion = new Map();
    LISTINGS.set(ctx.session, byRegion);
  }
  const hit = byRegion.get(ctx.region);
  if (hit !== undefined) return hit;
  const listing = collect(
    listByMarker<wire.ListVpcs, wire.Vpc>(ctx, LIST_VPCS, ctx.region, '/v1/vpc', {}, (p) => p.vpcs),
  );
  const memo = byRegion;
  memo.set(ctx.region, listing);
  listing.catch(() => memo.delete(ctx.region));
  return listing;
}

export const vpcFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [LIST_VPCS],
  async *fetch(ctx) {
    for (const raw of await listVpcs(ctx)) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('baidu vpc', mapVpcUnguarded, VpcSchema);
