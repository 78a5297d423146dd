import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { MapContext, PublicIp } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty } from './common.js';
import type { PortDevice } from './network-interface.js';
import { listByNextMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_PUBLIC_IPS = huaweiOperation('eip', 'ListPublicips', false, 'eip:publicIps:list');

/** EIP v3 lists at most 2000 per page. */
export const EIP_PAGE_SIZE = 2000;

/** `associate_instance_type` → the device kind; `PORT` is a server's NIC (the vnic names the server). */
const DEVICE: Readonly<Record<string, PortDevice>> = {
  PORT: 'vm',
  NATGW: 'nat_gateway',
  ELB: 'load_balancer',
  ELBV1: 'load_balancer',
};

/** Every Huawei public IP is an EIP (`elastic`). */
function mapPublicIpUnguarded(raw: wire.PublicIp, ctx: MapContext): PublicIp {
  const nativeId = raw.id ?? '';
  const kind = lookup<PortDevice | undefined>(DEVICE, raw.associate_instance_type, undefined);
  const device =
    kind === 'vm' ? nonEmpty(raw.vnic?.device_id) : nonEmpty(raw.associate_instance_id);
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nonEmpty(raw.alias) ?? nonEmpty(raw.public_ip_address) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    ip: raw.public_ip_address ?? '',
    allocation: 'elastic',
    ...defined({
      device_kind: device === undefined ? undefined : kind,
      device_id: kind === undefined ? undefined : refId(ctx, kind, device),
      interface_id: refId(ctx, 'network_interface', nonEmpty(raw.vnic?.port_id)),
      private_ip: nonEmpty(raw.vnic?.private_ip_address),
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [LIST_PUBLIC_IPS],
  async *fetch(ctx) {
    const items = listByNextMarker<wire.ListPublicIps, wire.PublicIp>(
      ctx,
      LIST_PUBLIC_IPS,
      ctx.region,
      '/v3/{project_id}/eip/publicips',
      {},
      { limit: EIP_PAGE_SIZE, items: (p) => p.publicips },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.id) === undefined || nonEmpty(raw.public_ip_address) === undefined) continue;
      yield { kind: 'public_ip', record: mapPublicIp(raw, ctx.map) };
    }
  },
};

/** `mapPublicIpUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPublicIp = guardMapper('huawei public ip', mapPublicIpUnguarded, PublicIpSchema);
