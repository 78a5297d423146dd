import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, PublicIp } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags } from './common.js';
import { deviceRef } from './network-interface.js';
import type * as wire from './wire.js';

const DESCRIBE_EIP_ADDRESSES = volcOperation('vpc', 'DescribeEipAddresses', false);

const EIP_PAGE_SIZE = 100;

/** `InstanceType` of an EIP's binding → the device kind. */
const EIP_DEVICE: Readonly<Record<string, DeviceKind>> = {
  EcsInstance: 'vm',
  ClbInstance: 'load_balancer',
  Nat: 'nat_gateway',
  NetworkInterface: 'other',
  HaVip: 'other',
};

/** An EIP (Volcengine gives public addresses only as EIPs); native id = AllocationId (`eip-...`). */
function mapEipAddressUnguarded(raw: wire.EipAddress, ctx: MapContext): PublicIp {
  const ip = raw.EipAddress ?? '';
  const nativeId = nonEmpty(raw.AllocationId) ?? ip;
  const instance = nonEmpty(raw.InstanceId);
  const kind = instance === undefined ? undefined : lookup(EIP_DEVICE, raw.InstanceType, 'other');
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nonEmpty(raw.Name) ?? (ip || nativeId),
      volcTags(raw.Tags),
      raw.AllocationTime,
    ),
    ip,
    allocation: 'elastic',
    ...defined({
      device_kind: kind,
      device_id: kind === undefined ? undefined : deviceRef(ctx, kind, instance),
      // An EIP bound to an ENI directly: the ENI is the interface.
      interface_id:
        raw.InstanceType === 'NetworkInterface'
          ? refId(ctx, 'network_interface', instance)
          : undefined,
      private_ip: nonEmpty(raw.PrivateIpAddress),
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [DESCRIBE_EIP_ADDRESSES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeEipAddresses, wire.EipAddress>(
      ctx,
      ctx.session.clients,
      DESCRIBE_EIP_ADDRESSES,
      ctx.region,
      {},
      {
        pageSize: EIP_PAGE_SIZE,
        items: (p) => p.EipAddresses,
        total: (p) => p.TotalCount,
        idOf: (e) => e.AllocationId,
      },
    );
    for await (const raw of items) {
      if (raw.EipAddress) yield { kind: 'public_ip', record: mapEipAddress(raw, ctx.map) };
    }
  },
};

/** `mapEipAddressUnguarded` behind the hostile-shape guard. */
export const mapEipAddress = guardMapper(
  'volcengine eip address',
  mapEipAddressUnguarded,
  PublicIpSchema,
);
