import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { deviceKindOf, mapNetworkInterface } from './network-interface.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/network-interface', () => {
  it('lists private IPs primary first, without repeats, and references the device', () => {
    const ni = KIND_SCHEMAS.network_interface.parse(
      mapNetworkInterface(
        {
          NetworkInterfaceId: 'eni-1',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          MacAddress: '00:16:3e:00:00:01',
          PrimaryIpAddress: '10.0.0.5',
          PrivateIpSets: {
            PrivateIpSet: [
              { PrivateIpAddress: '10.0.0.6', Primary: false },
              { PrivateIpAddress: '10.0.0.5', Primary: true },
            ],
          },
          SecurityGroupIds: ['sg-1'],
          DeviceId: 'i-1',
          Type: 'primary',
        },
        ctx,
      ),
    );
    expect(ni).toMatchObject({
      device_kind: 'vm',
      device_id: 'volcengine/prod/cn-beijing/vm/i-1',
      private_ips: ['10.0.0.5', '10.0.0.6'],
      primary: true,
      security_group_ids: ['volcengine/prod/cn-beijing/security_group/sg-1'],
    });
  });

  it.each([
    ['ngw-1', 'nat_gateway'],
    ['clb-1', 'load_balancer'],
    ['postgres-1', 'rds_instance'],
    ['redis-1', 'redis_instance'],
    ['havip-1', 'other'],
    [undefined, 'other'],
  ])('classifies device %s as %s', (id, kind) => {
    expect(deviceKindOf(id)).toBe(kind);
  });

  it('keeps no device reference for a device of a kind we do not list', () => {
    const ni = mapNetworkInterface({ NetworkInterfaceId: 'eni-2', DeviceId: 'havip-1' }, ctx);
    expect(ni).not.toHaveProperty('device_id');
    expect(ni.device_native_id).toBe('havip-1');
    expect(ni.primary).toBe(false);
  });
});
