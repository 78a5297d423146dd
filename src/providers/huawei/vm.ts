import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import {
  baseFields,
  defined,
  huaweiOperation,
  nonEmpty,
  refIds,
  stringTags,
  zoneRef,
} from './common.js';
import { listByOffset } from './paging.js';
import type * as wire from './wire.js';

const LIST_SERVERS = huaweiOperation('ecs', 'ListServersDetails', true, 'ecs:cloudServers:list');

/** ECS v1 `cloudservers/detail` returns at most 1000 servers per page. */
export const SERVER_PAGE_SIZE = 1000;

const VM_STATE: Readonly<Record<string, RunState>> = {
  ACTIVE: 'running',
  SHUTOFF: 'stopped',
  BUILD: 'pending',
  REBOOT: 'pending',
  HARD_REBOOT: 'pending',
  REBUILD: 'pending',
  MIGRATING: 'pending',
  RESIZE: 'pending',
  VERIFY_RESIZE: 'pending',
  REVERT_RESIZE: 'pending',
  ERROR: 'error',
  DELETED: 'stopped',
};

/** Fixed (private) addresses, the VPC's first. */
function fixedAddresses(raw: wire.Server): { vpc: string; addr: wire.ServerAddress }[] {
  const out: { vpc: string; addr: wire.ServerAddress }[] = [];
  for (const [vpc, list] of Object.entries(raw.addresses ?? {})) {
    for (const addr of list) if (addr['OS-EXT-IPS:type'] === 'fixed') out.push({ vpc, addr });
  }
  return out;
}

/** VPC = `metadata.vpc_id`, else the first `addresses` key (a VPC id), as DeepFlow reads it. */
function mapVmUnguarded(raw: wire.Server, ctx: MapContext): Vm {
  const nativeId = raw.id ?? '';
  const fixed = fixedAddresses(raw);
  const vpc = nonEmpty(raw.metadata?.['vpc_id']) ?? fixed[0]?.vpc;
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      stringTags(raw.tags),
      raw.created,
    ),
    state: lookup(VM_STATE, raw.status, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', vpc),
      zone_id: zoneRef(ctx, raw['OS-EXT-AZ:availability_zone']),
      primary_ip: nonEmpty(fixed[0]?.addr.addr),
      instance_type: nonEmpty(raw.flavor?.id),
      image_id: nonEmpty(raw.image?.id),
      hostname: nonEmpty(raw['OS-EXT-SRV-ATTR:hostname']),
    }),
    security_group_ids: refIds(
      ctx,
      'security_group',
      (raw.security_groups ?? []).map((g) => g.id),
    ),
  };
}

export const vmFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [LIST_SERVERS],
  async *fetch(ctx) {
    const items = listByOffset<wire.ListServersDetails, wire.Server>(
      ctx,
      LIST_SERVERS,
      ctx.region,
      '/v1/{project_id}/cloudservers/detail',
      {},
      {
        limit: SERVER_PAGE_SIZE,
        items: (p) => p.servers,
        idOf: (s) => s.id,
        total: (p) => p.count,
        // ECS `offset` is a page number from 1.
        offsetOf: (n) => n + 1,
      },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.id) === undefined) continue;
      yield { kind: 'vm', record: mapVm(raw, ctx.map) };
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('huawei vm', mapVmUnguarded, VmSchema);
