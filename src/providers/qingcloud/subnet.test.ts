import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedSubnet, mapSubnet } from './subnet.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/subnet', () => {
  it('maps a managed vxnet to a subnet of its router, in its zone, with the router-side CIDR', () => {
    const raw = {
      vxnet_id: 'vxnet-abc1234',
      vxnet_name: 'web',
      vxnet_type: 1,
      vpc_router_id: 'rtr-1',
      zone_id: 'pek3b',
      router: { router_id: 'rtr-1', ip_network: '192.168.1.0/24' },
    };
    expect(isListedSubnet(raw)).toBe(true);
    expect(KIND_SCHEMAS.subnet.parse(mapSubnet(raw, ctx))).toMatchObject({
      name: 'web',
      vpc_id: 'qingcloud/prod/pek3/vpc/rtr-1',
      zone_id: 'qingcloud/prod/pek3/zone/pek3b',
      cidrs: ['192.168.1.0/24'],
      state: 'available',
    });
  });

  it('leaves the basic network out and drops a zone of another region', () => {
    expect(isListedSubnet({ vxnet_id: 'vxnet-0', vxnet_type: 0 })).toBe(false);
    const s = mapSubnet(
      { vxnet_id: 'vxnet-x', router: { router_id: 'rtr-9' }, zone_id: 'sh1a' },
      ctx,
    );
    expect(KIND_SCHEMAS.subnet.parse(s)).toMatchObject({
      vpc_id: 'qingcloud/prod/pek3/vpc/rtr-9',
      cidrs: [],
    });
    expect(s).not.toHaveProperty('zone_id');
  });
});
