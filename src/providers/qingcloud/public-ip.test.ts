import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedEip, mapEip } from './public-ip.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/public-ip', () => {
  it('maps an EIP bound to an instance, with its NIC', () => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapEip(
        {
          eip_id: 'eip-1',
          eip_addr: '198.51.100.7',
          status: 'associated',
          resource: { resource_id: 'i-1', resource_type: 'instance', nic_id: '52:54:00:00:00:01' },
        },
        ctx,
      ),
    );
    expect(ip).toMatchObject({
      name: 'eip-1',
      ip: '198.51.100.7',
      allocation: 'elastic',
      device_kind: 'vm',
      device_id: 'qingcloud/prod/pek3/vm/i-1',
      interface_id: 'qingcloud/prod/pek3/network_interface/52:54:00:00:00:01',
    });
  });

  it('maps LB, NAT and router bindings, and a free EIP without a device', () => {
    const lb = mapEip(
      {
        eip_id: 'eip-2',
        eip_addr: '198.51.100.8',
        resource: { resource_id: 'lb-1', resource_type: 'loadbalancer' },
      },
      ctx,
    );
    expect(lb).toMatchObject({
      device_kind: 'load_balancer',
      device_id: 'qingcloud/prod/pek3/load_balancer/lb-1',
    });
    expect(
      mapEip(
        {
          eip_id: 'e',
          eip_addr: '1.2.3.4',
          resource: { resource_id: 'nfv-1', resource_type: 'nfv' },
        },
        ctx,
      ).device_kind,
    ).toBe('nat_gateway');
    const router = KIND_SCHEMAS.public_ip.parse(
      mapEip(
        {
          eip_id: 'e3',
          eip_addr: '1.2.3.5',
          resource: { resource_id: 'rtr-1', resource_type: 'router' },
        },
        ctx,
      ),
    );
    expect(router.device_kind).toBe('other');
    expect(router).not.toHaveProperty('device_id');
    const free = KIND_SCHEMAS.public_ip.parse(
      mapEip({ eip_id: 'e4', eip_addr: '1.2.3.6', status: 'available' }, ctx),
    );
    expect(free).not.toHaveProperty('device_kind');
    expect(isListedEip({ eip_id: 'e5', eip_addr: '1.2.3.7', status: 'released' })).toBe(false);
  });
});
