import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, PublicIp } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_EIPS = baiduOperation('eip', 'ListEips', false);

/** What an EIP is bound to (`instanceType`). An ENI's EIP is the ENI's instance's. */
const DEVICE: Readonly<Record<string, DeviceKind>> = {
  BCC: 'vm',
  BBC: 'vm',
  NAT: 'nat_gateway',
  BLB: 'load_balancer',
  APPBLB: 'load_balancer',
  RDS: 'rds_instance',
  SCS: 'redis_instance',
};

/** An EIP; the device reference is derived from the bound instance's id. */
function mapEipUnguarded(raw: wire.Eip, ctx: MapContext): PublicIp {
  const ip = raw.eip ?? '';
  const nativeId = nonEmpty(raw.eipId) ?? ip;
  const device = nonEmpty(raw.instanceId);
  const kind = device === undefined ? undefined : lookup(DEVICE, raw.instanceType, 'other');
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nonEmpty(raw.name) ?? ip,
      baiduTags(raw.tags),
      raw.createTime,
    ),
    ip,
    allocation: 'elastic',
    ...defined({
      device_kind: kind,
      device_id:
        kind === undefined || kind === 'other' || kind === 'vpc_endpoint'
          ? undefined
          : refId(ctx, kind, device),
      interface_id:
        raw.instanceType === 'ENI' ? refId(ctx, 'network_interface', device) : undefined,
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [LIST_EIPS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListEips, wire.Eip>(
      ctx,
      LIST_EIPS,
      ctx.region,
      '/v1/eip',
      {},
      (p) => p.eipList,
    );
    for await (const raw of items) yield { kind: 'public_ip', record: mapEip(raw, ctx.map) };
  },
};

/** `mapEipUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapEip = guardMapper('baidu eip', mapEipUnguarded, PublicIpSchema);
