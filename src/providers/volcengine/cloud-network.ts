import { guardMapper } from '../mapper-guard.js';
import { CloudNetworkSchema } from '../../model/index.js';
import type {
  Availability,
  CloudNetwork,
  CloudNetworkAttachment,
  MapContext,
} from '../../model/index.js';
import { lookup, resourceIdIn } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_CENS = volcOperation('cen', 'DescribeCens', false);
const DESCRIBE_CEN_ATTACHED_INSTANCES = volcOperation('cen', 'DescribeCenAttachedInstances', false);

const CEN_PAGE_SIZE = 100;

const CEN_STATE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Creating: 'pending',
  Pending: 'pending',
  Deleting: 'deleting',
};

const INSTANCE_TYPE: Readonly<Record<string, CloudNetworkAttachment['type']>> = {
  VPC: 'vpc',
  DCGW: 'direct_connect',
};

function mapAttachment(a: wire.CenAttachedInstance, ctx: MapContext): CloudNetworkAttachment {
  const resource = nonEmpty(a.InstanceId);
  const region = nonEmpty(a.InstanceRegionId);
  const type = lookup(INSTANCE_TYPE, a.InstanceType, 'other');
  return {
    native_id: `${a.InstanceType ?? 'unknown'}:${resource ?? ''}`,
    type,
    ...defined({
      resource_native_id: resource,
      resource_region: region,
      resource_account_id: nonEmpty(a.InstanceOwnerId),
      vpc_id:
        type === 'vpc' && resource !== undefined && region !== undefined
          ? resourceIdIn(ctx, region, 'vpc', resource)
          : undefined,
    }),
    state: lookup(CEN_STATE, a.Status, 'unknown'),
  };
}

/** A CEN (account-wide, region `global`) with its attached instances; vpc_ids = its VPCs. */
function mapCenUnguarded(
  raw: wire.Cen,
  attached: readonly wire.CenAttachedInstance[],
  ctx: MapContext,
): CloudNetwork {
  const nativeId = raw.CenId ?? '';
  const attachments = attached.map((a) => mapAttachment(a, ctx));
  const vpcIds = [
    ...new Set(attachments.flatMap((a) => (a.vpc_id === undefined ? [] : [a.vpc_id]))),
  ];
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.CenName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreationTime,
    ),
    state: lookup(CEN_STATE, raw.Status, 'unknown'),
    vpc_ids: vpcIds,
    attachments,
  };
}

/** CEN is global: fetched once per account in the default region (DeepFlow asks it per region). */
export const cloudNetworkFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'cloud_network',
  scope: 'global',
  operations: [DESCRIBE_CENS, DESCRIBE_CEN_ATTACHED_INSTANCES],
  async *fetch(ctx) {
    const { clients, defaultRegion } = ctx.session;
    const cens = (
      await collect(
        listByPageNumber<wire.DescribeCens, wire.Cen>(
          ctx,
          clients,
          DESCRIBE_CENS,
          defaultRegion,
          {},
          {
            pageSize: CEN_PAGE_SIZE,
            items: (p) => p.Cens,
            total: (p) => p.TotalCount,
            idOf: (c) => c.CenId,
          },
        ),
      )
    ).filter((c) => c.CenId);
    const records = mapInOrder(cens, async (raw) => {
      const attached = await collect(
        listByPageNumber<wire.DescribeCenAttachedInstances, wire.CenAttachedInstance>(
          ctx,
          clients,
          DESCRIBE_CEN_ATTACHED_INSTANCES,
          defaultRegion,
          { CenId: raw.CenId ?? '' },
          {
            pageSize: CEN_PAGE_SIZE,
            items: (p) => p.AttachedInstances,
            total: (p) => p.TotalCount,
            idOf: (a) =>
              a.InstanceId === undefined ? undefined : `${a.InstanceType ?? ''}:${a.InstanceId}`,
          },
        ),
      );
      return mapCen(raw, attached, ctx.map);
    });
    for await (const record of records) yield { kind: 'cloud_network', record };
  },
};

/** `mapCenUnguarded` behind the hostile-shape guard. */
export const mapCen = guardMapper('volcengine cen', mapCenUnguarded, CloudNetworkSchema);
