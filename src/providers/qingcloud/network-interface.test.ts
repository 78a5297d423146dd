import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet, serviceInterface } from './common.js';
import { mapNic } from './network-interface.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'gd2' };
const routers = routersByVxnet([{ vxnet_id: 'vxnet-a', router: { router_id: 'rtr-1' } }]);

describe('qingcloud/network-interface', () => {
  it('maps an attached NIC: id and MAC are the same, device = its instance', () => {
    const nic = KIND_SCHEMAS.network_interface.parse(
      mapNic(
        {
          nic_id: '52:54:9e:01:02:03',
          vxnet_id: 'vxnet-a',
          private_ip: '192.168.0.5',
          instance_id: 'i-1',
          status: 'in-use',
          role: 1,
          security_group: 'sg-1',
        },
        routers,
        ctx,
      ),
    );
    expect(nic).toMatchObject({
      id: 'qingcloud/prod/gd2/network_interface/52:54:9e:01:02:03',
      mac: '52:54:9e:01:02:03',
      device_kind: 'vm',
      device_id: 'qingcloud/prod/gd2/vm/i-1',
      vpc_id: 'qingcloud/prod/gd2/vpc/rtr-1',
      subnet_id: 'qingcloud/prod/gd2/subnet/vxnet-a',
      private_ips: ['192.168.0.5'],
      primary: true,
      security_group_ids: ['qingcloud/prod/gd2/security_group/sg-1'],
    });
  });

  it('maps a detached NIC on the basic network as another device without VPC', () => {
    const nic = KIND_SCHEMAS.network_interface.parse(
      mapNic({ nic_id: '52:54:00:00:00:09', vxnet_id: 'vxnet-0' }, routers, ctx),
    );
    expect(nic).toMatchObject({ device_kind: 'other', primary: false, private_ips: [] });
    expect(nic).not.toHaveProperty('vpc_id');
  });

  it('builds the interface of a managed device from the device itself', () => {
    const nic = serviceInterface(ctx, routers, {
      kind: 'rds_instance',
      deviceId: 'rdb-1',
      vxnetId: 'vxnet-a',
      privateIps: ['192.168.0.9', '192.168.0.9'],
    });
    expect(KIND_SCHEMAS.network_interface.parse(nic)).toMatchObject({
      native_id: 'rdb-1-vxnet-a',
      device_kind: 'rds_instance',
      device_id: 'qingcloud/prod/gd2/rds_instance/rdb-1',
      private_ips: ['192.168.0.9'],
    });
    expect(
      serviceInterface(ctx, routers, {
        kind: 'rds_instance',
        deviceId: 'rdb-2',
        vxnetId: 'vxnet-a',
        privateIps: [],
      }),
    ).toBeUndefined();
  });
});
