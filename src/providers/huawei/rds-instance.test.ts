import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRdsInstance, mapRdsInterface } from './rds-instance.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

const raw = {
  id: 'abcin01',
  name: 'orders',
  status: 'ACTIVE',
  type: 'Ha',
  datastore: { type: 'PostgreSQL', version: '14' },
  private_ips: ['10.0.2.7'],
  port: 5432,
  vpc_id: 'v-1',
  subnet_id: 's-2',
  flavor_ref: 'rds.pg.n1.large.2.ha',
  nodes: [{ availability_zone: 'cn-north-4a' }, { availability_zone: 'cn-north-4b' }],
  created: '2026-01-02T03:04:05+0000',
};

describe('huawei/rds-instance', () => {
  it('maps engine, state, role and the endpoint; a multi-AZ instance has no zone', () => {
    const r = KIND_SCHEMAS.rds_instance.parse(mapRdsInstance(raw, ctx));
    expect(r).toMatchObject({
      engine: 'postgresql',
      engine_version: '14',
      state: 'running',
      role: 'primary',
      endpoint: '10.0.2.7',
      port: 5432,
      subnet_ids: [ref('subnet', 's-2')],
      created_at: '2026-01-02T03:04:05.000Z',
    });
    expect(r).not.toHaveProperty('zone_id');
  });

  it('contributes its private IPs as an interface of the instance', () => {
    const n = KIND_SCHEMAS.network_interface.parse(mapRdsInterface(raw, ctx));
    expect(n).toMatchObject({
      device_kind: 'rds_instance',
      device_id: ref('rds_instance', 'abcin01'),
      private_ips: ['10.0.2.7'],
    });
  });
});
