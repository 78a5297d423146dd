import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { MapContext, PublicIp } from '../../model/index.js';
import { refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import { baseFields, defined, nonEmpty, qingcloudOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_EIPS = qingcloudOperation('DescribeEips', false);

/** EIP `resource.resource_type` → the device kind it is bound to (a VPC router's EIP: `other`). */
const DEVICE: Readonly<Record<string, 'vm' | 'load_balancer' | 'nat_gateway' | 'other'>> = {
  instance: 'vm',
  loadbalancer: 'load_balancer',
  nfv: 'nat_gateway',
  router: 'other',
};

/** Every public address on QingCloud is an EIP; a bound one names its resource (and NIC, for an instance). */
function mapEipUnguarded(raw: wire.Eip, ctx: MapContext): PublicIp {
  const nativeId = raw.eip_id ?? '';
  const type = nonEmpty(raw.resource?.resource_type);
  const kind = type === undefined ? undefined : (DEVICE[type] ?? 'other');
  const device = nonEmpty(raw.resource?.resource_id);
  return {
    ...baseFields(ctx, 'public_ip', nativeId, raw.eip_name, raw.tags, raw.create_time),
    ip: raw.eip_addr ?? '',
    allocation: 'elastic',
    ...defined({
      device_kind: kind,
      device_id: kind === undefined || kind === 'other' ? undefined : refId(ctx, kind, device),
      interface_id:
        kind === 'vm' ? refId(ctx, 'network_interface', nonEmpty(raw.resource?.nic_id)) : undefined,
    }),
  };
}

/** Released and ceased EIPs are no longer the account's. */
export function isListedEip(raw: wire.Eip): boolean {
  return (
    Boolean(raw.eip_id && raw.eip_addr) && raw.status !== 'released' && raw.status !== 'ceased'
  );
}

export const publicIpFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [DESCRIBE_EIPS],
  async *fetch(ctx) {
    const items = listAll<wire.Eip>(
      ctx,
      ctx.session.client,
      DESCRIBE_EIPS,
      ctx.region,
      {},
      { key: 'eip_set', idOf: (e) => e.eip_id },
    );
    for await (const raw of items) {
      if (isListedEip(raw)) yield { kind: 'public_ip', record: mapEip(raw, ctx.map) };
    }
  },
};

/** `mapEipUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapEip = guardMapper('qingcloud eip', mapEipUnguarded, PublicIpSchema);
