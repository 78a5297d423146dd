import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapEni } from './network-interface.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/network-interface', () => {
  it('maps an attached ENI with its primary private IP first', () => {
    const eni = KIND_SCHEMAS.network_interface.parse(
      mapEni(
        {
          eniId: 'eni-1',
          name: 'pods',
          instanceId: 'i-1',
          macAddress: 'fa:16:3e:00:00:02',
          vpcId: 'vpc-1',
          subnetId: 'sbn-1',
          privateIpSet: [
            { privateIpAddress: '192.168.1.20', primary: false },
            { privateIpAddress: '192.168.1.10', primary: true },
          ],
          securityGroupIds: ['g-1'],
        },
        ctx,
      ),
    );
    expect(eni).toMatchObject({
      name: 'pods',
      device_kind: 'vm',
      device_id: 'baidu/prod/bj/vm/i-1',
      private_ips: ['192.168.1.10', '192.168.1.20'],
      primary: false,
      security_group_ids: ['baidu/prod/bj/security_group/g-1'],
    });
  });

  it('maps a detached ENI as a device of kind other', () => {
    const eni = KIND_SCHEMAS.network_interface.parse(mapEni({ eniId: 'eni-2' }, ctx));
    expect(eni).toMatchObject({ device_kind: 'other', private_ips: [] });
    expect(eni.device_id).toBeUndefined();
  });
});
