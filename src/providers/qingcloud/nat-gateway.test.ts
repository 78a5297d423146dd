import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { mapNatGateway, natInterface } from './nat-gateway.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };
const routers = routersByVxnet([{ vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' }]);

describe('qingcloud/nat-gateway', () => {
  it('maps a NAT NFV with its EIPs and contributes its interface', () => {
    const raw = {
      nfv_id: 'nfv-1',
      nfv_name: 'egress',
      nfv_type: 1,
      status: 'active',
      zone_id: 'pek3a',
      vxnets: [{ vxnet_id: 'vxnet-a', private_ip: '192.168.0.253' }],
      eips: [{ eip_id: 'eip-1', eip_addr: '198.51.100.9' }],
    };
    expect(
      KIND_SCHEMAS.nat_gateway.parse(mapNatGateway(raw, 'vxnet-a', 'rtr-1', ctx)),
    ).toMatchObject({
      name: 'egress',
      vpc_id: 'qingcloud/prod/pek3/vpc/rtr-1',
      subnet_id: 'qingcloud/prod/pek3/subnet/vxnet-a',
      zone_id: 'qingcloud/prod/pek3/zone/pek3a',
      state: 'available',
      connectivity: 'public',
      public_ips: ['198.51.100.9'],
      private_ips: ['192.168.0.253'],
    });
    expect(
      KIND_SCHEMAS.network_interface.parse(natInterface(raw, 'vxnet-a', routers, ctx)),
    ).toMatchObject({
      device_kind: 'nat_gateway',
      device_id: 'qingcloud/prod/pek3/nat_gateway/nfv-1',
      private_ips: ['192.168.0.253'],
    });
  });

  it('is private without EIPs', () => {
    const nat = mapNatGateway({ nfv_id: 'nfv-2' }, 'vxnet-a', 'rtr-1', ctx);
    expect(KIND_SCHEMAS.nat_gateway.parse(nat)).toMatchObject({
      connectivity: 'private',
      state: 'unknown',
      public_ips: [],
    });
  });
});
