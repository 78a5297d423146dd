import { guardMapper } from '../mapper-guard.js';
import { CloudNetworkAttachmentSchema, CloudNetworkSchema } from '../../model/index.js';
import type {
  Availability,
  CloudNetwork,
  CloudNetworkAttachment,
  MapContext,
} from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty } from './common.js';
import { listByNextMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_ERS = huaweiOperation('er', 'ListEnterpriseRouters', false, 'er:instances:list');
const LIST_ATTACHMENTS = huaweiOperation('er', 'ListAttachments', false, 'er:attachments:list');

/** ER v3 lists at most 2000 per page. */
export const ER_PAGE_SIZE = 2000;

const STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  pending: 'pending',
  initiating_request: 'pending',
  modifying: 'pending',
  deleting: 'deleting',
  failed: 'error',
};

const TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  vpc: 'vpc',
  vpn: 'vpn',
  vgw: 'direct_connect',
  peering: 'peering',
};

/** `projects` maps the account's project ids to regions (an attachment names its resource's project). */
function mapAttachmentUnguarded(
  raw: wire.ErAttachment,
  projects: ReadonlyMap<string, string>,
  ctx: MapContext,
): CloudNetworkAttachment {
  const type = lookup(TYPE, raw.resource_type, 'other');
  const resource = nonEmpty(raw.resource_id);
  const project = nonEmpty(raw.resource_project_id);
  const region = project === undefined ? ctx.region : projects.get(project);
  return {
    native_id: raw.id ?? '',
    type,
    ...defined({
      resource_native_id: resource,
      resource_region: region,
      resource_account_id: region === undefined ? project : undefined,
      vpc_id:
        type === 'vpc' && resource !== undefined && region !== undefined
          ? resourceIdIn(ctx, region, 'vpc', resource)
          : undefined,
    }),
    state: lookup(STATE, raw.state, 'unknown'),
  };
}

/** An Enterprise Router (regional) with its attachments; vpc_ids = its VPCs. */
function mapEnterpriseRouterUnguarded(
  raw: wire.EnterpriseRouter,
  attachments: readonly wire.ErAttachment[],
  projects: ReadonlyMap<string, string>,
  ctx: MapContext,
): CloudNetwork {
  const nativeId = raw.id ?? '';
  const mapped = attachments.map((a) => mapAttachment(a, projects, ctx));
  const vpcIds: string[] = [];
  for (const a of mapped)
    if (a.vpc_id !== undefined && !vpcIds.includes(a.vpc_id)) vpcIds.push(a.vpc_id);
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    state: lookup(STATE, raw.state, 'unknown'),
    vpc_ids: vpcIds,
    attachments: mapped,
  };
}

export const cloudNetworkFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'cloud_network',
  scope: 'regional',
  operations: [LIST_ERS, LIST_ATTACHMENTS],
  async *fetch(ctx) {
    const routers = listByNextMarker<wire.ListEnterpriseRouters, wire.EnterpriseRouter>(
      ctx,
      LIST_ERS,
      ctx.region,
      '/v3/{project_id}/enterprise-router/instances',
      {},
      { limit: ER_PAGE_SIZE, items: (p) => p.instances },
    );
    const list: wire.EnterpriseRouter[] = [];
    for await (const raw of routers) if (nonEmpty(raw.id) !== undefined) list.push(raw);
    // The attachments of each router, routers concurrently, in order.
    const mapped = mapInOrder(list, async (raw) => {
      const attachments = await collect(
        listByNextMarker<wire.ListErAttachments, wire.ErAttachment>(
          ctx,
          LIST_ATTACHMENTS,
          ctx.region,
          `/v3/{project_id}/enterprise-router/${encodeURIComponent(raw.id ?? '')}/attachments`,
          {},
          { limit: ER_PAGE_SIZE, items: (p) => p.attachments },
        ),
      );
      return mapEnterpriseRouter(raw, attachments, ctx.session.regionOfProject, ctx.map);
    });
    for await (const record of mapped) yield { kind: 'cloud_network', record };
  },
};

/** `mapAttachmentUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAttachment = guardMapper(
  'huawei attachment',
  mapAttachmentUnguarded,
  CloudNetworkAttachmentSchema,
);
/** `mapEnterpriseRouterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapEnterpriseRouter = guardMapper(
  'huawei enterprise router',
  mapEnterpriseRouterUnguarded,
  CloudNetworkSchema,
);
