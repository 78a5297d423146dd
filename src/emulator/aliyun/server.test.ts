import { createHmac, randomUUID } from 'node:crypto';
import RPCClient from '@alicloud/pop-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, FaultKind, RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('aliyun', { scale: 'tiny', seed: 7, ...opts });
  return em;
}

const VERSIONS: Record<string, string> = {
  ecs: '2014-05-26',
  vpc: '2016-04-28',
  slb: '2014-05-15',
  rds: '2014-08-15',
  'r-kvstore': '2015-01-01',
  cbn: '2017-09-12',
  resourcemanager: '2020-03-31',
  vpcpeer: '2022-01-01',
};

/** RFC 3986 encoding written out by hand (independent of the emulator's verifier). */
function enc(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface CallOpts {
  method?: 'GET' | 'POST';
  /** Path prefix; default `/<product>`. */
  path?: string;
  secret?: string;
  accessKeyId?: string;
  timestamp?: string;
  nonce?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Signs (RPC v1) and sends one request; returns status and the parsed body. */
async function call(
  e: RunningEmulator,
  product: string,
  action: string,
  params: Record<string, string> = {},
  o: CallOpts = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await send(e, product, action, params, o);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function send(
  e: RunningEmulator,
  product: string,
  action: string,
  params: Record<string, string> = {},
  o: CallOpts = {},
): Promise<Response> {
  const method = o.method ?? 'POST';
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: VERSIONS[product] ?? '',
    AccessKeyId: o.accessKeyId ?? e.configCredentials['access_key_id'] ?? '',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: o.nonce ?? randomUUID(),
    Timestamp: o.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Action: action,
    ...params,
  };
  const canon = Object.keys(all)
    .sort()
    .map((k) => `${enc(k)}=${enc(all[k] ?? '')}`)
    .join('&');
  const secret = o.secret ?? e.configCredentials['access_key_secret'] ?? '';
  all['Signature'] = createHmac('sha1', `${secret}&`)
    .update(`${method}&${enc('/')}&${enc(canon)}`)
    .digest('base64');
  const body = new URLSearchParams(all).toString();
  const path = o.path ?? `/${product}`;
  const init = {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...o.headers },
    ...(o.signal === undefined ? {} : { signal: o.signal }),
  };
  return method === 'GET'
    ? fetch(`${e.url}${path}?${body}`, init)
    : fetch(`${e.url}${path}`, { ...init, body });
}

const list = (body: Record<string, unknown>, a: string, b: string): Record<string, unknown>[] =>
  ((body[a] as Record<string, unknown> | undefined)?.[b] ?? []) as Record<string, unknown>[];

describe('aliyun emulator: identity, routing, regions', () => {
  it('lists regions with LocalName, disabled ones soldOut, and gives config-shaped credentials', async () => {
    const e = await start();
    expect(Object.keys(e.configCredentials).sort()).toEqual(['access_key_id', 'access_key_secret']);
    expect(e.endpoints['vpc']).toBe(`${e.url}/vpc`);
    const { status, body } = await call(e, 'ecs', 'DescribeRegions');
    expect(status).toBe(200);
    expect(list(body, 'Regions', 'Region')).toEqual([
      expect.objectContaining({
        RegionId: 'cn-hangzhou',
        LocalName: '华东1（杭州）',
        Status: 'available',
      }),
      expect.objectContaining({
        RegionId: 'cn-shanghai',
        LocalName: '华东2（上海）',
        Status: 'available',
      }),
      expect.objectContaining({ RegionId: 'me-east-1', Status: 'soldOut' }),
    ]);
  });

  it('uses Aliyun-shaped ids', async () => {
    const e = await start();
    const res = e.world.resources('cn-hangzhou');
    expect(res.vpcs[0]?.id).toMatch(/^vpc-bp1[0-9a-z]{13}$/);
    expect(res.subnets[0]?.id).toMatch(/^vsw-bp1/);
    expect(res.vms.at(0)?.id).toMatch(/^i-bp1/);
    expect(res.zones[0]?.id).toMatch(/^cn-hangzhou-[a-z]$/);
    expect(res.rdsInstances[0]?.resourceId).toMatch(/^rm-bp1/);
    expect(res.loadBalancers[0]?.id).toMatch(/^lb-bp1/);
    expect(res.cloudNetworks[0]?.id).toMatch(/^cen-/);
  });

  it('routes GET queries and, without a path prefix, on the version (ecs vs r-kvstore DescribeInstances)', async () => {
    const e = await start();
    const get = await call(
      e,
      'vpc',
      'DescribeVpcs',
      { RegionId: 'cn-hangzhou' },
      { method: 'GET' },
    );
    expect(get.status).toBe(200);
    expect(list(get.body, 'Vpcs', 'Vpc').length).toBe(3);
    const ecs = await call(
      e,
      'ecs',
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      { path: '/' },
    );
    expect(list(ecs.body, 'Instances', 'Instance')[0]?.['InstanceId']).toMatch(/^i-/);
    const kv = await call(
      e,
      'r-kvstore',
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      { path: '/' },
    );
    expect(list(kv.body, 'Instances', 'KVStoreInstance')[0]?.['InstanceId']).toMatch(/^r-bp1/);
    const prefixed = await call(
      e,
      'slb',
      'DescribeLoadBalancers',
      { RegionId: 'cn-hangzhou' },
      { path: '/aliyun/slb' },
    );
    expect(prefixed.status).toBe(200);
  });

  it('answers unknown actions, wrong versions, missing and disabled regions', async () => {
    const e = await start();
    expect(await call(e, 'ecs', 'DescribeNothing', { RegionId: 'cn-hangzhou' })).toMatchObject({
      status: 404,
      body: { Code: 'InvalidAction.NotFound' },
    });
    expect(await call(e, 'ecs', 'DescribeInstances', {})).toMatchObject({
      status: 400,
      body: { Code: 'MissingRegionId' },
    });
    expect(await call(e, 'ecs', 'DescribeInstances', { RegionId: 'me-east-1' })).toMatchObject({
      status: 400,
      body: { Code: 'InvalidRegionId' },
    });
    expect(
      await call(e, 'ecs', 'DescribeInstances', { RegionId: 'cn-hangzhou', Version: '2016-04-28' }),
    ).toMatchObject({
      status: 400,
      body: { Code: 'InvalidVersion' },
    });
  });
});

describe('aliyun emulator: signature checks', () => {
  it.each([
    ['bad secret', { secret: 'wrong' }, 400, 'SignatureDoesNotMatch'],
    ['unknown key', { accessKeyId: 'LTAInobody' }, 404, 'InvalidAccessKeyId.NotFound'],
    ['old timestamp', { timestamp: '2020-01-01T00:00:00Z' }, 400, 'InvalidTimeStamp.Expired'],
  ] as const)('%s', async (_name, o, status, code) => {
    const e = await start();
    const r = await call(e, 'ecs', 'DescribeRegions', {}, o);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({
      Code: code,
      RequestId: expect.any(String),
      HostId: expect.any(String),
    });
    expect(r.body).toHaveProperty('Recommend');
    expect(r.body).toHaveProperty('Message');
  });

  it('rejects a replayed SignatureNonce', async () => {
    const e = await start();
    expect((await call(e, 'ecs', 'DescribeRegions', {}, { nonce: 'n-1' })).status).toBe(200);
    expect(await call(e, 'ecs', 'DescribeRegions', {}, { nonce: 'n-1' })).toMatchObject({
      status: 400,
      body: { Code: 'SignatureNonceUsed' },
    });
  });

  it('never records the signature', async () => {
    const e = await start();
    await call(e, 'ecs', 'DescribeRegions');
    expect(e.requests[0]?.params).not.toHaveProperty('Signature');
    expect(e.requests[0]).toMatchObject({
      provider: 'aliyun',
      service: 'ecs',
      op: 'DescribeRegions',
    });
  });
});

describe('aliyun emulator: paging', () => {
  it('pages DescribeInstances by PageNumber, capped by pageLimit, with TotalCount', async () => {
    const e = await start({ pageLimit: 3 });
    const ids: string[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (let page = 1; ids.length < total; page++) {
      const { body } = await call(e, 'ecs', 'DescribeInstances', {
        RegionId: 'cn-hangzhou',
        PageNumber: String(page),
        PageSize: '100',
      });
      expect(body).toMatchObject({ PageNumber: page, PageSize: 3 });
      total = body['TotalCount'] as number;
      ids.push(...list(body, 'Instances', 'Instance').map((i) => String(i['InstanceId'])));
    }
    expect(ids.length).toBe(e.world.vmCount('cn-hangzhou'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['ecs', 'DescribeInstances', 101],
    ['vpc', 'DescribeVpcs', 51],
    ['vpc', 'DescribeEipAddresses', 101],
    ['slb', 'DescribeLoadBalancers', 101],
    ['rds', 'DescribeDBInstances', 101],
    ['r-kvstore', 'DescribeInstances', 51],
    ['cbn', 'DescribeCens', 51],
  ] as const)('%s %s rejects PageSize %d', async (product, action, size) => {
    const e = await start();
    const r = await call(e, product, action, { RegionId: 'cn-hangzhou', PageSize: String(size) });
    expect(r).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
    const ok = await call(e, product, action, {
      RegionId: 'cn-hangzhou',
      PageSize: String(size - 1),
    });
    expect(ok.status).toBe(200);
  });

  it('pages peering and route entries by NextToken', async () => {
    const e = await start({ pageLimit: 1 });
    const seen: string[] = [];
    let token = '';
    do {
      const { body } = await call(e, 'vpcpeer', 'ListVpcPeerConnections', {
        RegionId: 'cn-hangzhou',
        ...(token === '' ? {} : { NextToken: token }),
      });
      seen.push(...(body['VpcPeerConnects'] as { InstanceId: string }[]).map((p) => p.InstanceId));
      token = String(body['NextToken']);
    } while (token !== '');
    expect(seen.length).toBe(e.world.resources('cn-hangzhou').peerings.length);
    expect(seen.every((id) => id.startsWith('pcc-'))).toBe(true);
    const vms: string[] = [];
    token = '';
    do {
      const { body } = await call(e, 'ecs', 'DescribeInstances', {
        RegionId: 'cn-shanghai',
        MaxResults: '100',
        ...(token === '' ? {} : { NextToken: token }),
      });
      vms.push(...list(body, 'Instances', 'Instance').map((i) => String(i['InstanceId'])));
      token = String(body['NextToken']);
    } while (token !== '');
    expect(vms.length).toBe(e.world.vmCount('cn-shanghai'));
    const bad = await call(e, 'vpcpeer', 'ListVpcPeerConnections', {
      RegionId: 'cn-hangzhou',
      NextToken: 'zz',
    });
    expect(bad).toMatchObject({ status: 400, body: { Code: 'InvalidNextToken' } });
  });
});

describe('aliyun emulator: every action', () => {
  it('serves each kind of the world', async () => {
    const e = await start();
    const R = { RegionId: 'cn-hangzhou' };
    const ok = async (product: string, action: string, params: Record<string, string> = R) => {
      const r = await call(e, product, action, params);
      expect(r.status, `${product} ${action}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    expect(list(await ok('vpc', 'DescribeZones'), 'Zones', 'Zone')[0]).toMatchObject({
      LocalName: expect.stringMatching(/^杭州 可用区/),
    });
    expect(list(await ok('ecs', 'DescribeZones'), 'Zones', 'Zone').length).toBe(2);
    const vm = list(await ok('ecs', 'DescribeInstances'), 'Instances', 'Instance')[0];
    expect(vm).toMatchObject({
      Status: expect.any(String),
      VpcAttributes: { PrivateIpAddress: { IpAddress: [expect.any(String)] } },
      NetworkInterfaces: { NetworkInterface: [expect.objectContaining({ Type: 'Primary' })] },
      Tags: {
        Tag: expect.arrayContaining([expect.objectContaining({ TagKey: expect.any(String) })]),
      },
    });
    expect(
      list(
        await ok('ecs', 'DescribeNetworkInterfaces'),
        'NetworkInterfaceSets',
        'NetworkInterfaceSet',
      ).length,
    ).toBeGreaterThan(0);
    const sg = list(
      await ok('ecs', 'DescribeSecurityGroups'),
      'SecurityGroups',
      'SecurityGroup',
    )[0];
    const attr = await ok('ecs', 'DescribeSecurityGroupAttribute', {
      ...R,
      SecurityGroupId: String(sg?.['SecurityGroupId']),
    });
    expect(list(attr, 'Permissions', 'Permission').length).toBeGreaterThan(0);
    expect(
      list(await ok('vpc', 'DescribeVSwitches'), 'VSwitches', 'VSwitch').length,
    ).toBeGreaterThan(0);
    expect(
      list(await ok('vpc', 'DescribeEipAddresses'), 'EipAddresses', 'EipAddress').length,
    ).toBeGreaterThan(0);
    const rt = list(
      await ok('vpc', 'DescribeRouteTableList'),
      'RouterTableList',
      'RouterTableListType',
    );
    const entries = await ok('vpc', 'DescribeRouteEntryList', {
      ...R,
      RouteTableId: String(rt[0]?.['RouteTableId']),
    });
    expect(list(entries, 'RouteEntrys', 'RouteEntry').length).toBeGreaterThan(0);
    const nat = list(await ok('vpc', 'DescribeNatGateways'), 'NatGateways', 'NatGateway').find(
      (n) => n['NetworkType'] === 'internet',
    );
    const snatId = (nat?.['SnatTableIds'] as { SnatTableId: string[] }).SnatTableId[0] ?? '';
    const fwdId =
      (nat?.['ForwardTableIds'] as { ForwardTableId: string[] }).ForwardTableId[0] ?? '';
    expect(
      list(
        await ok('vpc', 'DescribeSnatTableEntries', { ...R, SnatTableId: snatId }),
        'SnatTableEntries',
        'SnatTableEntry',
      )[0],
    ).toMatchObject({ SnatEntryId: expect.stringMatching(/^snat-/) });
    expect(
      list(
        await ok('vpc', 'DescribeForwardTableEntries', { ...R, ForwardTableId: fwdId }),
        'ForwardTableEntries',
        'ForwardTableEntry',
      )[0],
    ).toMatchObject({ ForwardEntryId: expect.stringMatching(/^fwd-/) });
    const lb = list(await ok('slb', 'DescribeLoadBalancers'), 'LoadBalancers', 'LoadBalancer')[0];
    const lbId = String(lb?.['LoadBalancerId']);
    const lbAttr = await ok('slb', 'DescribeLoadBalancerAttribute', { ...R, LoadBalancerId: lbId });
    expect(
      list(lbAttr, 'ListenerPortsAndProtocol', 'ListenerPortAndProtocol').length,
    ).toBeGreaterThan(0);
    expect(
      list(
        await ok('slb', 'DescribeHealthStatus', { ...R, LoadBalancerId: lbId }),
        'BackendServers',
        'BackendServer',
      ).length,
    ).toBeGreaterThan(0);
    const db = list(await ok('rds', 'DescribeDBInstances'), 'Items', 'DBInstance')[0];
    const net = await ok('rds', 'DescribeDBInstanceNetInfo', {
      ...R,
      DBInstanceId: String(db?.['DBInstanceId']),
    });
    expect(list(net, 'DBInstanceNetInfos', 'DBInstanceNetInfo')[0]).toMatchObject({
      IPType: 'Private',
    });
    const kv = list(await ok('r-kvstore', 'DescribeInstances'), 'Instances', 'KVStoreInstance')[0];
    await ok('r-kvstore', 'DescribeDBInstanceNetInfo', {
      ...R,
      InstanceId: String(kv?.['InstanceId']),
    });
    const cen = list(await ok('cbn', 'DescribeCens', {}), 'Cens', 'Cen');
    expect(cen.length).toBe(4);
    const children = await ok('cbn', 'DescribeCenAttachedChildInstances', {
      CenId: String(cen[0]?.['CenId']),
    });
    expect(list(children, 'ChildInstances', 'ChildInstance')[0]).toMatchObject({
      ChildInstanceType: 'VPC',
    });
    const rm = await ok('resourcemanager', 'ListResources', {
      ResourceType: 'instance',
      PageSize: '100',
    });
    expect(rm['TotalCount']).toBe(e.world.vmCount('cn-hangzhou') + e.world.vmCount('cn-shanghai'));
  });
});

describe('aliyun emulator: faults', () => {
  it.each([
    ['throttle', 400, 'Throttling.User'],
    ['server_error', 500, 'InternalError'],
    ['unavailable', 503, 'ServiceUnavailable'],
    ['forbidden', 403, 'Forbidden.RAM'],
    ['auth_failure', 400, 'SignatureDoesNotMatch'],
    ['expired_token', 400, 'InvalidSecurityToken.Expired'],
    ['region_disabled', 400, 'InvalidRegionId'],
  ] as const)('%s → %d %s, once', async (respond: FaultKind, status, code) => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', service: 'vpc', times: 1, respond }] });
    expect(await call(e, 'vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' })).toMatchObject({
      status,
      body: { Code: code },
    });
    expect((await call(e, 'vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' })).status).toBe(200);
  });

  it('bad_gateway, malformed, truncated, reset, hang', async () => {
    const e = await start();
    const R = { RegionId: 'cn-hangzhou' };
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'bad_gateway' });
    expect((await send(e, 'vpc', 'DescribeVpcs', R)).status).toBe(502);
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'malformed' });
    const malformed = await send(e, 'vpc', 'DescribeVpcs', R);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'truncated' });
    await expect(send(e, 'vpc', 'DescribeVpcs', R).then((r) => r.json())).rejects.toThrow();
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'reset' });
    await expect(send(e, 'vpc', 'DescribeVpcs', R).then((r) => r.text())).rejects.toThrow();
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'hang' });
    await expect(
      send(e, 'vpc', 'DescribeVpcs', R, { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect((await send(e, 'vpc', 'DescribeVpcs', R)).status).toBe(200);
  });

  it('repeat_token: page 2 repeats page 1 and TotalCount grows; NextToken comes back unchanged', async () => {
    const e = await start({ pageLimit: 2, faults: [{ op: '*', respond: 'repeat_token' }] });
    const R = { RegionId: 'cn-hangzhou' };
    const p1 = await call(e, 'ecs', 'DescribeInstances', { ...R, PageNumber: '1' });
    const p2 = await call(e, 'ecs', 'DescribeInstances', { ...R, PageNumber: '2' });
    expect(list(p2.body, 'Instances', 'Instance')).toEqual(list(p1.body, 'Instances', 'Instance'));
    expect(p2.body['TotalCount']).toBe((p1.body['TotalCount'] as number) + 2);
    expect(e.requests.map((r) => r.fault)).toEqual([undefined, 'repeat_token']);
    const first = await call(e, 'vpcpeer', 'ListVpcPeerConnections', { ...R, MaxResults: '1' });
    const token = String(first.body['NextToken']);
    const again = await call(e, 'vpcpeer', 'ListVpcPeerConnections', {
      ...R,
      MaxResults: '1',
      NextToken: token,
    });
    expect(again.body['NextToken']).toBe(token);
  });

  it('rate limit answers Throttling.User', async () => {
    const e = await start({ rateLimit: { perSecond: 0.001, burst: 1 } });
    expect((await call(e, 'ecs', 'DescribeRegions')).status).toBe(200);
    expect(await call(e, 'ecs', 'DescribeRegions')).toMatchObject({
      status: 400,
      body: { Code: 'Throttling.User' },
    });
  });
});

describe('aliyun emulator with @alicloud/pop-core', () => {
  it('verifies the SDK signature over POST and routes on the endpoint path', async () => {
    const e = await start({ pageLimit: 2 });
    const client = new RPCClient({
      endpoint: e.endpoints['ecs'] ?? '',
      apiVersion: '2014-05-26',
      accessKeyId: e.configCredentials['access_key_id'] ?? '',
      accessKeySecret: e.configCredentials['access_key_secret'] ?? '',
    });
    const body = await client.request<Record<string, unknown>>(
      'DescribeInstances',
      { RegionId: 'cn-shanghai', PageNumber: 2, PageSize: 100 },
      { method: 'POST', timeout: 2000 },
    );
    expect(body).toMatchObject({
      PageNumber: 2,
      PageSize: 2,
      TotalCount: e.world.vmCount('cn-shanghai'),
    });
    const bad = new RPCClient({
      endpoint: e.endpoints['vpc'] ?? '',
      apiVersion: '2016-04-28',
      accessKeyId: e.configCredentials['access_key_id'] ?? '',
      accessKeySecret: 'wrong',
    });
    await expect(
      bad.request('DescribeVpcs', { RegionId: 'cn-shanghai' }, { method: 'POST' }),
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});
