import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { Availability, MapContext, Vpc } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, huaweiOperation, keyValueTags, nonEmpty } from './common.js';
import { listByNextMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_VPCS = huaweiOperation('vpc', 'ListVpcs', true, 'vpc:vpcs:list');

/** VPC v1 and v3 list at most 2000 per page. */
export const VPC_PAGE_SIZE = 2000;

/** Shared by VPCs and subnets: `CREATING` / `OK` / `ACTIVE` / `ERROR`. */
export const NETWORK_STATE: Readonly<Record<string, Availability>> = {
  OK: 'available',
  ACTIVE: 'available',
  CREATING: 'pending',
  UNKNOWN: 'unknown',
  ERROR: 'error',
};

function mapVpcUnguarded(raw: wire.Vpc, ctx: MapContext): Vpc {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(
      ctx,
      'vpc',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    cidrs: compact([raw.cidr, ...(raw.extend_cidrs ?? [])]),
    // Huawei has no default VPC.
    is_default: false,
    state: lookup(NETWORK_STATE, raw.status, 'unknown'),
  };
}

export const vpcFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [LIST_VPCS],
  async *fetch(ctx) {
    // VPC v3: with tags, paged by `page_info.next_marker`.
    const items = listByNextMarker<wire.ListVpcs, wire.Vpc>(
      ctx,
      LIST_VPCS,
      ctx.region,
      '/v3/{project_id}/vpc/vpcs',
      {},
      { limit: VPC_PAGE_SIZE, items: (p) => p.vpcs },
    );
    for await (const raw of items) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('huawei vpc', mapVpcUnguarded, VpcSchema);
