import { guardMapper } from '../mapper-guard.js';
import { CloudNetworkAttachmentSchema, CloudNetworkSchema } from '../../model/index.js';
import type {
  Availability,
  CloudNetwork,
  CloudNetworkAttachment,
  MapContext,
} from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { inOrder, ITEM_WINDOW, listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_CCNS = tencentOperation('vpc', 'DescribeCcns', false);
const DESCRIBE_CCN_ATTACHED_INSTANCES = tencentOperation(
  'vpc',
  'DescribeCcnAttachedInstances',
  false,
);

const CCN_PAGE_SIZE = 100;

const CCN_STATE: Readonly<Record<string, Availability>> = {
  ISOLATED: 'error',
  AVAILABLE: 'available',
  DELETING: 'deleting',
};

const ATTACHMENT_STATE: Readonly<Record<string, Availability>> = {
  PENDING: 'pending',
  ACTIVE: 'available',
  EXPIRED: 'error',
  REJECTED: 'error',
  DELETED: 'deleting',
  FAILED: 'error',
  ATTACHING: 'pending',
  DETACHING: 'deleting',
  DETACHFAILED: 'error',
};

const ATTACHMENT_TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  VPC: 'vpc',
  DIRECTCONNECT: 'direct_connect',
  BMVPC: 'vpc',
  VPNGW: 'vpn',
};

function mapAttachmentUnguarded(
  raw: wire.CcnAttachedInstance,
  ctx: MapContext,
): CloudNetworkAttachment {
  const type = lookup(ATTACHMENT_TYPE, raw.InstanceType, 'other');
  const id = nonEmpty(raw.InstanceId);
  const region = nonEmpty(raw.InstanceRegion);
  return {
    native_id: `${raw.CcnId ?? ''}/${id ?? ''}`,
    type,
    ...defined({
      resource_native_id: id,
      resource_region: region,
      resource_account_id: nonEmpty(raw.InstanceUin),
      vpc_id:
        type === 'vpc' && id !== undefined && region !== undefined
          ? resourceIdIn(ctx, region, 'vpc', id)
          : undefined,
    }),
    state: lookup(ATTACHMENT_STATE, raw.State, 'unknown'),
  };
}

/** A CCN instance (account-wide, region `global`) with its attached instances; vpc_ids = its VPCs. */
function mapCcnUnguarded(
  raw: wire.Ccn,
  attached: readonly wire.CcnAttachedInstance[],
  ctx: MapContext,
): CloudNetwork {
  const nativeId = raw.CcnId ?? '';
  const attachments = attached.map((a) => mapAttachment(a, ctx));
  const vpcIds: string[] = [];
  for (const a of attachments) {
    if (a.vpc_id !== undefined && !vpcIds.includes(a.vpc_id)) vpcIds.push(a.vpc_id);
  }
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.CcnName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreateTime,
    ),
    state: lookup(CCN_STATE, raw.State, 'unknown'),
    vpc_ids: vpcIds,
    attachments,
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** CCN is global: fetched once per account, asked in the default region. */
export const cloudNetworkFetcher: ResourceFetcher<TencentSession> = {
  kind: 'cloud_network',
  scope: 'global',
  operations: [DESCRIBE_CCNS, DESCRIBE_CCN_ATTACHED_INSTANCES],
  async *fetch(ctx) {
    const { clients, defaultRegion } = ctx.session;
    const ccns = await collect(
      listByOffset<wire.DescribeCcns, wire.Ccn>(
        ctx,
        clients,
        DESCRIBE_CCNS,
        defaultRegion,
        {},
        {
          pageSize: CCN_PAGE_SIZE,
          items: (p) => p.CcnSet,
          idOf: (c) => c.CcnId,
        },
      ),
    );
    // The attachments of a few CCNs at once.
    const attached = inOrder(ccns, ITEM_WINDOW, (raw) =>
      collect(
        listByOffset<wire.DescribeCcnAttachedInstances, wire.CcnAttachedInstance>(
          ctx,
          clients,
          DESCRIBE_CCN_ATTACHED_INSTANCES,
          defaultRegion,
          { CcnId: raw.CcnId ?? '' },
          {
            pageSize: CCN_PAGE_SIZE,
            items: (page) => page.InstanceSet,
            idOf: (a) => `${a.InstanceRegion ?? ''}/${a.InstanceId ?? ''}`,
          },
        ),
      ),
    );
    for await (const [raw, list] of attached) {
      yield { kind: 'cloud_network', record: mapCcn(raw, list, ctx.map) };
    }
  },
};

/** `mapCcnUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapCcn = guardMapper('tencent CCN', mapCcnUnguarded, CloudNetworkSchema);

/** `mapAttachmentUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAttachment = guardMapper(
  'tencent attachment',
  mapAttachmentUnguarded,
  CloudNetworkAttachmentSchema,
);
