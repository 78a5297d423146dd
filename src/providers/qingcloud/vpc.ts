import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { Availability, MapContext, Vpc } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import { baseFields, qingcloudOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ROUTERS = qingcloudOperation('DescribeRouters', true);

/** Shared by routers and the managed services (`active`, `poweroffed`, ...). */
export const RESOURCE_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  poweroffed: 'available',
  stopped: 'available',
  pending: 'pending',
  suspended: 'error',
  deleted: 'deleting',
  ceased: 'deleting',
};

/** A VPC network is a VPC router (`rtr-…`); its `vpc_network` is the VPC's range. */
function mapVpcUnguarded(raw: wire.Router, ctx: MapContext): Vpc {
  const nativeId = raw.router_id ?? '';
  return {
    ...baseFields(ctx, 'vpc', nativeId, raw.router_name, raw.tags, raw.create_time),
    cidrs: compact([raw.vpc_network]),
    is_default: false,
    state: lookup(RESOURCE_STATE, raw.status, 'unknown'),
  };
}

export const vpcFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [DESCRIBE_ROUTERS],
  async *fetch(ctx) {
    const items = listAll<wire.Router>(
      ctx,
      ctx.session.client,
      DESCRIBE_ROUTERS,
      ctx.region,
      { verbose: 1 },
      { key: 'router_set', idOf: (r) => r.router_id },
    );
    for await (const raw of items) {
      if (raw.router_id) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
    }
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('qingcloud vpc', mapVpcUnguarded, VpcSchema);
