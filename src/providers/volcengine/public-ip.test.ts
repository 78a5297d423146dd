import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapEipAddress } from './public-ip.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/public-ip', () => {
  it.each([
    ['EcsInstance', 'i-1', 'vm', 'volcengine/prod/cn-beijing/vm/i-1'],
    ['Nat', 'ngw-1', 'nat_gateway', 'volcengine/prod/cn-beijing/nat_gateway/ngw-1'],
    ['ClbInstance', 'clb-1', 'load_balancer', 'volcengine/prod/cn-beijing/load_balancer/clb-1'],
  ])('maps an EIP bound to %s', (type, instance, kind, ref) => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapEipAddress(
        {
          AllocationId: 'eip-1',
          EipAddress: '198.51.100.7',
          InstanceType: type,
          InstanceId: instance,
        },
        ctx,
      ),
    );
    expect(ip).toMatchObject({ native_id: 'eip-1', ip: '198.51.100.7', allocation: 'elastic' });
    expect(ip.device_kind).toBe(kind);
    expect(ip.device_id).toBe(ref);
  });

  it('references the ENI of an EIP bound to one directly, and nothing for a free EIP', () => {
    const bound = mapEipAddress(
      {
        AllocationId: 'eip-2',
        EipAddress: '198.51.100.8',
        InstanceType: 'NetworkInterface',
        InstanceId: 'eni-1',
      },
      ctx,
    );
    expect(bound.interface_id).toBe('volcengine/prod/cn-beijing/network_interface/eni-1');
    const free = KIND_SCHEMAS.public_ip.parse(mapEipAddress({ EipAddress: '198.51.100.9' }, ctx));
    expect(free).not.toHaveProperty('device_kind');
    expect(free.native_id).toBe('198.51.100.9');
  });
});
