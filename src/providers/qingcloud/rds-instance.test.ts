import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { mapRdb, rdbInterface } from './rds-instance.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };
const routers = routersByVxnet([{ vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' }]);

describe('qingcloud/rds-instance', () => {
  it('maps a PostgreSQL RDB with its master IP and interface', () => {
    const raw = {
      rdb_id: 'rdb-1',
      rdb_name: 'billing',
      rdb_engine: 'psql',
      engine_version: '9.4',
      status: 'active',
      rdb_type: 2,
      vxnet: { vxnet_id: 'vxnet-a' },
      master_ip: '192.168.0.100',
    };
    expect(KIND_SCHEMAS.rds_instance.parse(mapRdb(raw, routers, ctx))).toMatchObject({
      engine: 'postgresql',
      engine_name: 'psql',
      engine_version: '9.4',
      state: 'running',
      role: 'primary',
      vpc_id: 'qingcloud/prod/pek3/vpc/rtr-1',
      subnet_ids: ['qingcloud/prod/pek3/subnet/vxnet-a'],
      endpoint: '192.168.0.100',
      instance_class: '2',
    });
    expect(rdbInterface(raw, routers, ctx)?.private_ips).toEqual(['192.168.0.100']);
  });

  it('maps an unknown engine to other', () => {
    const rdb = KIND_SCHEMAS.rds_instance.parse(
      mapRdb({ rdb_id: 'rdb-2', rdb_engine: 'oracle' }, routers, ctx),
    );
    expect(rdb).toMatchObject({ engine: 'other', state: 'unknown', subnet_ids: [] });
  });
});
