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
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_CENS = aliyunOperation('cbn', 'DescribeCens', false);
const DESCRIBE_CEN_ATTACHED_CHILD_INSTANCES = aliyunOperation(
  'cbn',
  'DescribeCenAttachedChildInstances',
  false,
);

const CEN_PAGE_SIZE = 50;

const CEN_STATE: Readonly<Record<string, Availability>> = {
  Active: 'available',
  Creating: 'pending',
  Deleting: 'deleting',
};

const ATTACHMENT_STATE: Readonly<Record<string, Availability>> = {
  Attached: 'available',
  Attaching: 'pending',
  Detaching: 'deleting',
};

const CHILD_TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  VPC: 'vpc',
  VBR: 'direct_connect',
  CCN: 'other',
  VPN: 'vpn',
};

function mapAttachmentUnguarded(c: wire.ChildInstance, ctx: MapContext): CloudNetworkAttachment {
  const resource = nonEmpty(c.ChildInstanceId);
  const region = nonEmpty(c.ChildInstanceRegionId);
  const type = lookup(CHILD_TYPE, c.ChildInstanceType, 'other');
  const owner = c.ChildInstanceOwnerId === undefined ? undefined : String(c.ChildInstanceOwnerId);
  return {
    native_id: `${c.ChildInstanceType ?? 'unknown'}:${resource ?? ''}`,
    type,
    ...defined({
      resource_native_id: resource,
      resource_region: region,
      resource_account_id: nonEmpty(owner),
      vpc_id:
        type === 'vpc' && resource !== undefined && region !== undefined
          ? resourceIdIn(ctx, region, 'vpc', resource)
          : undefined,
    }),
    state: lookup(ATTACHMENT_STATE, c.Status, 'unknown'),
  };
}

/** A CEN instance (account-wide, region `global`) with its attached child instances; vpc_ids = its VPCs. */
function mapCenUnguarded(
  raw: wire.Cen,
  children: readonly wire.ChildInstance[],
  ctx: MapContext,
): CloudNetwork {
  const nativeId = raw.CenId ?? '';
  const attachments = children.map((c) => mapAttachment(c, ctx));
  const vpcIds: string[] = [];
  for (const a of attachments) {
    if (a.vpc_id !== undefined && !vpcIds.includes(a.vpc_id)) vpcIds.push(a.vpc_id);
  }
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.Name) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    state: lookup(CEN_STATE, raw.Status, 'unknown'),
    vpc_ids: vpcIds,
    attachments,
  };
}

/** CEN is a global product: fetched once per account through the central endpoint (DeepFlow asks per region). */
export const cloudNetworkFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'cloud_network',
  scope: 'global',
  operations: [DESCRIBE_CENS, DESCRIBE_CEN_ATTACHED_CHILD_INSTANCES],
  async *fetch(ctx) {
    const { clients, defaultRegion } = ctx.session;
    const cens = listByPageNumber<wire.DescribeCens, wire.Cen>(
      ctx,
      clients,
      DESCRIBE_CENS,
      defaultRegion,
      {},
      { pageSize: CEN_PAGE_SIZE, items: (p) => p.Cens?.Cen, idOf: (c) => c.CenId },
    );
    const listed = (await collect(cens)).filter((raw) => raw.CenId);
    // The children of every CEN at once.
    const records = mapInOrder(listed, async (raw) => {
      const list = listByPageNumber<wire.DescribeCenAttachedChildInstances, wire.ChildInstance>(
        ctx,
        clients,
        DESCRIBE_CEN_ATTACHED_CHILD_INSTANCES,
        defaultRegion,
        { CenId: raw.CenId ?? '' },
        {
          pageSize: CEN_PAGE_SIZE,
          items: (p) => p.ChildInstances?.ChildInstance,
          idOf: (c) =>
            c.ChildInstanceId === undefined
              ? undefined
              : `${c.ChildInstanceType ?? ''}:${c.ChildInstanceId}`,
        },
      );
      return mapCen(raw, await collect(list), ctx.map);
    });
    for await (const record of records) yield { kind: 'cloud_network', record };
  },
};

/** `mapAttachmentUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAttachment = guardMapper(
  'aliyun attachment',
  mapAttachmentUnguarded,
  CloudNetworkAttachmentSchema,
);
/** `mapCenUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCen = guardMapper('aliyun cen', mapCenUnguarded, CloudNetworkSchema);
