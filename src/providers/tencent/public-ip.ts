import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, PublicIp } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ADDRESSES = tencentOperation('vpc', 'DescribeAddresses', false);

const EIP_PAGE_SIZE = 100;

/** `InstanceType` → the kind of device `InstanceId` names. */
const DEVICE_KIND: Readonly<Record<string, DeviceKind>> = {
  CVM: 'vm',
  NAT: 'nat_gateway',
  CLB: 'load_balancer',
  NETWORKINTERFACE: 'other',
  HAVIP: 'other',
};

/** An elastic IP; native id = AddressId, name = AddressName, else the address. */
function mapPublicIpUnguarded(raw: wire.Address, ctx: MapContext): PublicIp {
  const nativeId = raw.AddressId ?? '';
  const ip = raw.AddressIp ?? '';
  const device = nonEmpty(raw.InstanceId);
  const kind = lookup(DEVICE_KIND, raw.InstanceType, 'other');
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nonEmpty(raw.AddressName) ?? (ip || nativeId),
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    ip,
    allocation: 'elastic',
    ...defined({
      device_kind: device === undefined ? undefined : kind,
      device_id: kind === 'other' || kind === 'vpc_endpoint' ? undefined : refId(ctx, kind, device),
      // A NAT's or CLB's address has no ENI of its own; we list the device's address as its interface.
      interface_id:
        refId(ctx, 'network_interface', nonEmpty(raw.NetworkInterfaceId)) ??
        (kind === 'nat_gateway' ? refId(ctx, 'network_interface', device) : undefined),
      private_ip: nonEmpty(raw.PrivateAddressIp),
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<TencentSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [DESCRIBE_ADDRESSES],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeAddresses, wire.Address>(
      ctx,
      ctx.session.clients,
      DESCRIBE_ADDRESSES,
      ctx.region,
      {},
      { pageSize: EIP_PAGE_SIZE, items: (p) => p.AddressSet, idOf: (a) => a.AddressId },
    );
    for await (const raw of items) {
      if (raw.AddressId && raw.AddressIp) {
        yield { kind: 'public_ip', record: mapPublicIp(raw, ctx.map) };
      }
    }
  },
};

/** `mapPublicIpUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapPublicIp = guardMapper('tencent EIP', mapPublicIpUnguarded, PublicIpSchema);
