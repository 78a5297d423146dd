import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapEip } from './public-ip.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/public-ip', () => {
  it.each([
    ['BCC', 'i-1', 'vm', 'baidu/prod/bj/vm/i-1'],
    ['NAT', 'nat-1', 'nat_gateway', 'baidu/prod/bj/nat_gateway/nat-1'],
    ['APPBLB', 'lb-1', 'load_balancer', 'baidu/prod/bj/load_balancer/lb-1'],
  ])('refers an EIP bound to %s to its device', (instanceType, instanceId, kind, ref) => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapEip({ eip: '198.51.100.1', eipId: 'ip-1', instanceType, instanceId }, ctx),
    );
    expect(ip).toMatchObject({
      ip: '198.51.100.1',
      allocation: 'elastic',
      device_kind: kind,
      device_id: ref,
    });
  });

  it('refers an EIP bound to an ENI to that interface', () => {
    const ip = mapEip(
      { eip: '198.51.100.2', eipId: 'ip-2', instanceType: 'ENI', instanceId: 'eni-9' },
      ctx,
    );
    expect(ip).toMatchObject({
      device_kind: 'other',
      interface_id: 'baidu/prod/bj/network_interface/eni-9',
    });
  });

  it('maps an unbound EIP without a device, named by its address', () => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapEip({ eip: '198.51.100.3', eipId: 'ip-3', status: 'available' }, ctx),
    );
    expect(ip.name).toBe('198.51.100.3');
    expect(ip.device_kind).toBeUndefined();
  });
});
