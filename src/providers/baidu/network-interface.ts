import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baseFields, defined, nonEmpty, refIds } from './common.js';
import { LIST_VPCS, listVpcs } from './vpc.js';
import type * as wire from './wire.js';

const LIST_ENIS = baiduOperation('vpc', 'ListEnis', true);

/** An elastic NIC; attached ones belong to a BCC instance (BCE ENIs attach only to instances). */
function mapEniUnguarded(raw: wire.Eni, ctx: MapContext): NetworkInterface {
  const nativeId = raw.eniId ?? '';
  const ips = raw.privateIpSet ?? [];
  const instance = nonEmpty(raw.instanceId);
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      {},
      raw.createdTime,
    ),
    device_kind: instance === undefined ? 'other' : 'vm',
    ...defined({
      device_id: refId(ctx, 'vm', instance),
      device_native_id: instance,
      mac: nonEmpty(raw.macAddress),
      vpc_id: refId(ctx, 'vpc', raw.vpcId),
      subnet_id: refId(ctx, 'subnet', raw.subnetId),
    }),
    private_ips: compact([
      ...ips.filter((i) => i.primary === true).map((i) => i.privateIpAddress),
      ...ips.map((i) => i.privateIpAddress),
    ]),
    primary: false,
    security_group_ids: refIds(ctx, 'security_group', raw.securityGroupIds ?? []),
  };
}

/** `ListEni` needs a `vpcId`: the region's VPCs first, then the ENIs of each (as DeepFlow does). */
export const networkInterfaceFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'network_interface',
  scope: 'regional',
  operations: [LIST_VPCS, LIST_ENIS],
  async *fetch(ctx) {
    const vpcs = (await listVpcs(ctx)).flatMap((v) => (v.vpcId ? [v.vpcId] : []));
    // One ENI listing per VPC, asked concurrently (each through the call wrapper) and yielded in order.
    const perVpc = mapInOrder(vpcs, (vpcId) =>
      collect(
        listByMarker<wire.ListEnis, wire.Eni>(
          ctx,
          LIST_ENIS,
          ctx.region,
          '/v1/eni',
          { vpcId },
          (p) => p.enis,
        ),
      ),
    );
    for await (const enis of perVpc) {
      for (const raw of enis) yield { kind: 'network_interface', record: mapEni(raw, ctx.map) };
    }
  },
};

/** `mapEniUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapEni = guardMapper('baidu eni', mapEniUnguarded, NetworkInterfaceSchema);
