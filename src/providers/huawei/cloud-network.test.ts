import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapEnterpriseRouter } from './cloud-network.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/cloud-network', () => {
  it('maps an Enterprise Router with its VPC attachments', () => {
    const n = KIND_SCHEMAS.cloud_network.parse(
      mapEnterpriseRouter(
        { id: 'er-1', name: 'hub', state: 'available', tags: [{ key: 'k', value: 'v' }] },
        [
          {
            id: 'a-1',
            resource_id: 'v-1',
            resource_type: 'vpc',
            resource_project_id: 'p-north',
            state: 'available',
          },
          { id: 'a-2', resource_id: 'vgw-1', resource_type: 'vgw', state: 'pending' },
        ],
        new Map([['p-north', 'cn-north-4']]),
        ctx,
      ),
    );
    expect(n).toMatchObject({ state: 'available', vpc_ids: [ref('vpc', 'v-1')], tags: { k: 'v' } });
    expect(n.attachments.map((a) => [a.type, a.state])).toEqual([
      ['vpc', 'available'],
      ['direct_connect', 'pending'],
    ]);
  });
});
