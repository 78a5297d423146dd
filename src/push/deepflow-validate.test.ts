import { describe, expect, it } from 'vitest';
import { validateDeepflowDocument } from './deepflow-validate.js';

const D = 'dddddddd-0000-0000-0000-000000000001';
const R = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

function good(): Record<string, unknown[]> {
  return {
    azs: [{ name: 'az1', uuid: 'az-1', domain_uuid: D }],
    vpcs: [
      { name: 'v1', uuid: 'vpc-1', domain_uuid: D },
      { name: 'v2', uuid: 'vpc-2', domain_uuid: D },
    ],
    subnets: [
      {
        name: 's1',
        uuid: 'sn-1',
        type: 4,
        is_vip: false,
        vpc_uuid: 'vpc-1',
        az_uuid: 'az-1',
        domain_uuid: D,
        cidrs: ['10.0.1.0/24', '2001:db8::/64'],
      },
    ],
    hosts: [],
    chosts: [
      {
        name: 'vm1',
        uuid: 'c-1',
        type: 1,
        vpc_uuid: 'vpc-1',
        az_uuid: 'az-1',
        domain_uuid: D,
        vinterfaces: [
          { mac: '02:00:00:00:00:01', subnet_uuid: 'sn-1', ips: ['10.0.1.5', '2001:db8::5'] },
        ],
      },
    ],
    lbs: [
      {
        name: 'lb1',
        model: 1,
        vpc_uuid: 'vpc-1',
        region_uuid: R,
        domain_uuid: D,
        vinterfaces: [],
        lb_listeners: [
          {
            name: 'l',
            protocol: 'TCP',
            ip: '10.0.1.9',
            port: 80,
            lb_target_servers: [{ ip: '10.0.1.5', port: 8080 }],
          },
        ],
      },
    ],
    peer_connections: [
      {
        name: 'p',
        uuid: 'p-1',
        domain_uuid: D,
        local_vpc_uuid: 'vpc-1',
        local_region_uuid: R,
        remote_vpc_uuid: 'vpc-2',
        remote_region_uuid: R,
      },
    ],
    cloud_tags: [
      {
        resource_type: 'chost',
        resource_name: 'vm1',
        domain_uuid: D,
        tags: [{ key: 'env', value: 'prod' }],
      },
    ],
  };
}

type Doc = ReturnType<typeof good>;
const first = (doc: Doc, key: string): Record<string, unknown> =>
  doc[key]?.[0] as Record<string, unknown>;

describe('push/deepflow-validate', () => {
  it('accepts a document the server accepts', () => {
    expect(validateDeepflowDocument(good(), { domainUuid: D })).toEqual([]);
  });

  it.each<[string, (d: Doc) => void, string]>([
    ['an unknown top key', (d) => (d['regions'] = []), 'document: rogue field(regions)'],
    ['an unknown item key', (d) => (first(d, 'vpcs')['cidr'] = 'x'), 'vpcs[0]: rogue field(cidr)'],
    [
      'a bad CIDR',
      (d) => (first(d, 'subnets')['cidrs'] = ['10.0.1.0/33']),
      'invalid CIDR 10.0.1.0/33',
    ],
    [
      'an IP outside its subnet',
      (d) => ((first(d, 'chosts')['vinterfaces'] as { ips: string[] }[])[0]!.ips = ['10.0.2.5']),
      "10.0.2.5 is not in the subnet's CIDRs",
    ],
    ['a missing VPC', (d) => (first(d, 'subnets')['vpc_uuid'] = 'vpc-9'), 'vpc vpc-9 not found'],
    ['a missing AZ', (d) => (first(d, 'chosts')['az_uuid'] = 'az-9'), 'az az-9 not found'],
    [
      'a missing subnet',
      (d) =>
        ((first(d, 'chosts')['vinterfaces'] as { subnet_uuid: string }[])[0]!.subnet_uuid = 'sn-9'),
      'subnet sn-9 not found',
    ],
    ['another domain', (d) => (first(d, 'azs')['domain_uuid'] = 'other'), 'domain other not found'],
    ['a missing name', (d) => (first(d, 'vpcs')['name'] = ''), 'vpcs[0].name: required'],
    ['an LB model', (d) => (first(d, 'lbs')['model'] = 3), 'model: must be 1 or 2'],
    ['an LB region', (d) => (first(d, 'lbs')['region_uuid'] = 'r'), "must be the domain's region"],
    [
      'a peering to itself',
      (d) => (first(d, 'peer_connections')['remote_vpc_uuid'] = 'vpc-1'),
      'the same',
    ],
    [
      'a tag with a colon',
      (d) => (first(d, 'cloud_tags')['tags'] = [{ key: 'a:b', value: 'x' }]),
      'key or value holds',
    ],
    [
      'a tag on an unknown VM',
      (d) => (first(d, 'cloud_tags')['resource_name'] = 'nope'),
      'chost nope not found',
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const doc = good();
    mutate(doc);
    const problems = validateDeepflowDocument(doc, { domainUuid: D });
    expect(problems.join('\n')).toContain(message);
  });
});
