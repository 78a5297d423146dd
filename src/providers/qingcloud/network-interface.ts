import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  refIds,
  subnetOfVxnet,
  vpcOfVxnet,
  vxnetRouters,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NICS = qingcloudOperation('DescribeNics', true);

/** A NIC: its id is its MAC; attached ones name their instance. */
function mapNicUnguarded(
  raw: wire.Nic,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = raw.nic_id ?? '';
  const instance = nonEmpty(raw.instance_id);
  return {
    ...baseFields(ctx, 'network_interface', nativeId, raw.nic_name, raw.tags, raw.create_time),
    device_kind: instance === undefined ? 'other' : 'vm',
    ...defined({
      device_id: refId(ctx, 'vm', instance),
      device_native_id: instance,
      mac: nonEmpty(raw.nic_id),
      vpc_id: vpcOfVxnet(ctx, routers, raw.vxnet_id),
      subnet_id: subnetOfVxnet(ctx, routers, raw.vxnet_id),
    }),
    private_ips: compact([raw.private_ip]),
    primary: raw.role === 1,
    security_group_ids: refIds(ctx, 'security_group', [raw.security_group]),
  };
}

export const networkInterfaceFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'network_interface',
  scope: 'regional',
  operations: [DESCRIBE_NICS, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    const items = listAll<wire.Nic>(
      ctx,
      ctx.session.client,
      DESCRIBE_NICS,
      ctx.region,
      {},
      { key: 'nic_set', idOf: (n) => n.nic_id },
    );
    for await (const raw of items) {
      if (raw.nic_id) {
        yield { kind: 'network_interface', record: mapNic(raw, await routers, ctx.map) };
      }
    }
  },
};

/** `mapNicUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNic = guardMapper('qingcloud nic', mapNicUnguarded, NetworkInterfaceSchema);
