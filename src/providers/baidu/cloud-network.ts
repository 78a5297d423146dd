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
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_CSNS = baiduOperation('csn', 'ListCsns', false);
const LIST_CSN_INSTANCES = baiduOperation('csn', 'ListCsnInstances', false);

const CSN_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  available: 'available',
  attached: 'available',
  creating: 'pending',
  attaching: 'pending',
  detaching: 'deleting',
  deleting: 'deleting',
};

const ATTACHMENT_TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  vpc: 'vpc',
  channel: 'direct_connect',
  bec_vpc: 'vpc',
  vpn: 'vpn',
};

/** An instance attached to a CSN; a VPC of this account is referenced in its own region. */
function mapAttachmentUnguarded(
  raw: wire.CsnInstance,
  ctx: MapContext,
  accountId: string | undefined,
): CloudNetworkAttachment {
  const type = lookup(ATTACHMENT_TYPE, raw.instanceType, 'other');
  const resource = nonEmpty(raw.instanceId);
  const region = nonEmpty(raw.instanceRegion);
  // Another account's VPC is not ours to reference (the account id is known only when given).
  const owner = nonEmpty(raw.instanceAccountId);
  const foreign = accountId !== undefined && owner !== undefined && owner !== accountId;
  return {
    native_id: nonEmpty(raw.attachId) ?? resource ?? '',
    type,
    ...defined({
      resource_native_id: resource,
      resource_region: region,
      resource_account_id: nonEmpty(raw.instanceAccountId),
      vpc_id:
        type === 'vpc' && resource !== undefined && region !== undefined && !foreign
          ? resourceIdIn(ctx, region, 'vpc', resource)
          : undefined,
    }),
    state: lookup(CSN_STATE, raw.status, 'unknown'),
  };
}

function mapCloudNetworkUnguarded(
  raw: wire.Csn,
  attachments: CloudNetworkAttachment[],
  ctx: MapContext,
): CloudNetwork {
  const nativeId = raw.csnId ?? '';
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
    ),
    state: lookup(CSN_STATE, raw.status, 'unknown'),
    vpc_ids: attachments.flatMap((a) => (a.vpc_id === undefined ? [] : [a.vpc_id])),
    attachments,
  };
}

/** CSN is account-wide (`csn.baidubce.com`): the CSNs, then each one's attached instances. */
export const cloudNetworkFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'cloud_network',
  scope: 'global',
  operations: [LIST_CSNS, LIST_CSN_INSTANCES],
  async *fetch(ctx) {
    const region = ctx.session.defaultRegion;
    const csns = await collect(
      listByMarker<wire.ListCsns, wire.Csn>(ctx, LIST_CSNS, region, '/v1/csn', {}, (p) => p.csns),
    );
    const attached = mapInOrder(
      csns.filter((c) => nonEmpty(c.csnId) !== undefined),
      async (raw) => ({
        raw,
        instances: await collect(
          listByMarker<wire.ListCsnInstances, wire.CsnInstance>(
            ctx,
            LIST_CSN_INSTANCES,
            region,
            `/v1/csn/${encodeURIComponent(raw.csnId ?? '')}/instance`,
            {},
            (p) => p.instances,
          ),
        ),
      }),
    );
    for await (const { raw, instances } of attached) {
      const attachments = instances.map((a) => mapAttachment(a, ctx.map, undefined));
      yield { kind: 'cloud_network', record: mapCloudNetwork(raw, attachments, ctx.map) };
    }
  },
};

/** `mapAttachmentUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAttachment = guardMapper(
  'baidu attachment',
  mapAttachmentUnguarded,
  CloudNetworkAttachmentSchema,
);
/** `mapCloudNetworkUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCloudNetwork = guardMapper(
  'baidu cloud network',
  mapCloudNetworkUnguarded,
  CloudNetworkSchema,
);
