import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPeering } from './peering-connection.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/peering-connection', () => {
  it('resolves the remote VPC when its project is one of the account, else names the peer project', () => {
    const projects = new Map([
      ['p-north', 'cn-north-4'],
      ['p-east', 'cn-east-3'],
    ]);
    const own = KIND_SCHEMAS.peering_connection.parse(
      mapPeering(
        {
          id: 'pc-1',
          status: 'ACTIVE',
          request_vpc_info: { vpc_id: 'v-1', tenant_id: 'p-north' },
          accept_vpc_info: { vpc_id: 'v-9', tenant_id: 'p-east' },
        },
        'p-north',
        projects,
        ctx,
      ),
    );
    expect(own).toMatchObject({
      state: 'available',
      local_vpc_id: ref('vpc', 'v-1'),
      remote_region: 'cn-east-3',
      remote_vpc_id: 'huawei/prod/cn-east-3/vpc/v-9',
    });
    const foreign = mapPeering(
      {
        id: 'pc-2',
        request_vpc_info: { vpc_id: 'v-x', tenant_id: 'other' },
        accept_vpc_info: { vpc_id: 'v-1', tenant_id: 'p-north' },
      },
      'p-north',
      projects,
      ctx,
    );
    expect(foreign).toMatchObject({
      local_vpc_native_id: 'v-1',
      remote_account_id: 'other',
      remote_region: 'cn-north-4',
    });
    expect(foreign).not.toHaveProperty('remote_vpc_id');
  });
});
