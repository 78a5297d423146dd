import { describe, expect, it } from 'vitest';
import { endpointFor } from './client.js';

describe('huawei/client', () => {
  it('uses the public hosts by default: IAM global, the others per region', () => {
    expect(endpointFor({}, 'iam', 'cn-north-4')).toBe('https://iam.myhuaweicloud.com');
    expect(endpointFor({}, 'ecs', 'cn-north-4')).toBe('https://ecs.cn-north-4.myhuaweicloud.com');
    expect(endpointFor({}, 'dcs', 'ap-southeast-3')).toBe(
      'https://dcs.ap-southeast-3.myhuaweicloud.com',
    );
  });

  it('takes a private (Huawei Cloud Stack) endpoint per service, with {region} substituted', () => {
    const endpoints = {
      vpc: 'https://vpc.{region}.hcs.example.com',
      iam: 'https://iam.hcs.example.com',
    };
    expect(endpointFor(endpoints, 'vpc', 'region-a')).toBe('https://vpc.region-a.hcs.example.com');
    expect(endpointFor(endpoints, 'iam', 'region-a')).toBe('https://iam.hcs.example.com');
    expect(endpointFor(endpoints, 'elb', 'region-a')).toBe(
      'https://elb.region-a.myhuaweicloud.com',
    );
  });
});
