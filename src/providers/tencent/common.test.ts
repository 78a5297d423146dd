import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { deviceInterface, tencentTags, tencentTime, zoneRefOfNumber } from './common.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/common', () => {
  it('reads CVM ISO times as given and VPC/CDB times as China Standard Time', () => {
    expect(tencentTime('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
    expect(tencentTime('2026-01-02 11:04:05')).toBe('2026-01-02T03:04:05.000Z');
    expect(tencentTime('0000-00-00 00:00:00')).toBeUndefined();
    expect(tencentTime('')).toBeUndefined();
  });

  it('reads both tag shapes', () => {
    expect(
      tencentTags([
        { Key: 'env', Value: 'prod' },
        { TagKey: 'team', TagValue: 'data' },
      ]),
    ).toEqual({
      env: 'prod',
      team: 'data',
    });
    expect(tencentTags(null)).toEqual({});
  });

  it('derives the zone of a numeric ZoneId in the synced region', () => {
    expect(zoneRefOfNumber(ctx, 100003)).toBe('tencent/prod/ap-guangzhou/zone/ap-guangzhou-3');
    expect(zoneRefOfNumber(ctx, 0)).toBeUndefined();
    expect(zoneRefOfNumber(ctx, undefined)).toBeUndefined();
  });

  it("lists a managed service's address as an interface keyed by the device", () => {
    const ni = KIND_SCHEMAS.network_interface.parse(
      deviceInterface(ctx, 'rds_instance', 'cdb-abc', {
        vpcId: 'vpc-1',
        subnetId: 'subnet-1',
        privateIps: ['10.0.0.5', undefined, '10.0.0.5'],
      }),
    );
    expect(ni).toMatchObject({
      id: 'tencent/prod/ap-guangzhou/network_interface/cdb-abc',
      device_kind: 'rds_instance',
      device_id: 'tencent/prod/ap-guangzhou/rds_instance/cdb-abc',
      subnet_id: 'tencent/prod/ap-guangzhou/subnet/subnet-1',
      private_ips: ['10.0.0.5'],
    });
  });
});
