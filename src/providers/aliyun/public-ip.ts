import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, PublicIp, ResourceKind } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_EIP_ADDRESSES = aliyunOperation('vpc', 'DescribeEipAddresses', false);

const EIP_PAGE_SIZE = 100;

/** `InstanceType` of an EIP's association → the device kind. */
const EIP_DEVICE: Readonly<Record<string, DeviceKind>> = {
  EcsInstance: 'vm',
  SlbInstance: 'load_balancer',
  Nat: 'nat_gateway',
  NetworkInterface: 'other',
  HaVip: 'other',
};

/** An elastic IP; native id = AllocationId (`eip-...`). */
function mapEipAddressUnguarded(raw: wire.EipAddress, ctx: MapContext): PublicIp {
  const ip = raw.IpAddress ?? '';
  const nativeId = nonEmpty(raw.AllocationId) ?? ip;
  const instance = nonEmpty(raw.InstanceId);
  const kind = instance === undefined ? undefined : lookup(EIP_DEVICE, raw.InstanceType, 'other');
  const deviceId =
    kind === undefined || kind === 'other' ? undefined : refId(ctx, kind as ResourceKind, instance);
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nonEmpty(raw.Name) ?? (ip || nativeId),
      aliyunTags(raw.Tags),
      raw.AllocationTime,
    ),
    ip,
    allocation: 'elastic',
    ...defined({
      device_kind: kind,
      device_id: deviceId,
      // An EIP bound to an ENI directly: the ENI is the interface.
      interface_id:
        raw.InstanceType === 'NetworkInterface'
          ? refId(ctx, 'network_interface', instance)
          : undefined,
      private_ip: nonEmpty(raw.PrivateIpAddress),
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [DESCRIBE_EIP_ADDRESSES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeEipAddresses, wire.EipAddress>(
      ctx,
      ctx.session.clients,
      DESCRIBE_EIP_ADDRESSES,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: EIP_PAGE_SIZE,
        items: (p) => p.EipAddresses?.EipAddress,
        idOf: (e) => e.AllocationId,
      },
    );
    for await (const raw of items) {
      if (raw.IpAddress) yield { kind: 'public_ip', record: mapEipAddress(raw, ctx.map) };
    }
  },
};

/** `mapEipAddressUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapEipAddress = guardMapper(
  'aliyun eip address',
  mapEipAddressUnguarded,
  PublicIpSchema,
);
