import { createHash, createHmac } from 'node:crypto';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { EmulatorOptions, FaultKind, RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('aws', { scale: 'tiny', pageLimit: 2, ...opts });
  return em;
}

function config(
  e: RunningEmulator,
  region = 'us-east-1',
  credentials: RunningEmulator['credentials'] = e.credentials,
) {
  return { endpoint: e.url, region, credentials, maxAttempts: 1 };
}

/** A clock that stays put unless moved, for the rate limit and expiry. */
function manualClock(): Clock & { advance(ms: number): void } {
  let t = systemClock.now();
  return {
    now: () => t,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    random: () => 0.5,
    advance: (ms) => void (t += ms),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (k: Buffer | string, s: string) => createHmac('sha256', k).update(s).digest();

/** A minimal SigV4 signer for raw requests, written here independently of the emulator's verifier. */
function signedFetch(
  e: RunningEmulator,
  opts: { service: string; body: string; region?: string; signal?: AbortSignal },
): Promise<Response> {
  const region = opts.region ?? 'us-east-1';
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: new URL(e.url).host,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const creq = [
    'POST',
    '/',
    '',
    names.map((n) => `${n}:${headers[n] ?? ''}\n`).join(''),
    names.join(';'),
    sha256(opts.body),
  ].join('\n');
  const scope = `${date}/${region}/${opts.service}/aws4_request`;
  const key = hmac(
    hmac(hmac(hmac(`AWS4${e.credentials.secretAccessKey}`, date), region), opts.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key)
    .update(['AWS4-HMAC-SHA256', amzDate, scope, sha256(creq)].join('\n'))
    .digest('hex');
  headers['authorization'] =
    `AWS4-HMAC-SHA256 Credential=${e.credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return fetch(e.url, {
    method: 'POST',
    headers,
    body: opts.body,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

const VPCS = 'Action=DescribeVpcs&Version=2016-11-15';

type Expected = [name: string, status: number];
const ERRORS: [FaultKind, Expected, Expected, Expected][] = [
  ['throttle', ['RequestLimitExceeded', 503], ['Throttling', 400], ['ThrottlingException', 429]],
  ['server_error', ['InternalError', 500], ['InternalFailure', 500], ['ServerException', 500]],
  [
    'unavailable',
    ['Unavailable', 503],
    ['ServiceUnavailable', 503],
    ['ServiceUnavailableException', 503],
  ],
  [
    'forbidden',
    ['UnauthorizedOperation', 403],
    ['AccessDenied', 403],
    ['AccessDeniedException', 403],
  ],
  [
    'auth_failure',
    ['AuthFailure', 401],
    ['InvalidClientTokenId', 403],
    ['UnrecognizedClientException', 403],
  ],
  ['expired_token', ['RequestExpired', 400], ['ExpiredToken', 403], ['ExpiredTokenException', 403]],
  [
    'region_disabled',
    ['AuthFailure', 401],
    ['InvalidClientTokenId', 403],
    ['UnrecognizedClientException', 403],
  ],
];

describe('emulator/aws faults', () => {
  it.each(ERRORS)(
    'renders %s in each protocol (EC2, awsQuery, restJson)',
    async (respond, ec2, query, json) => {
      const e = await start({ faults: [{ op: '*', respond }] });
      const shape = ([name, status]: Expected) => ({ name, $metadata: { httpStatusCode: status } });
      await expect(
        new EC2Client(config(e)).send(new DescribeVpcsCommand({})),
      ).rejects.toMatchObject(shape(ec2));
      await expect(
        new RDSClient(config(e)).send(new DescribeDBInstancesCommand({})),
      ).rejects.toMatchObject(shape(query));
      await expect(
        new EKSClient(config(e)).send(new ListClustersCommand({})),
      ).rejects.toMatchObject(shape(json));
      expect(e.requests.map((r) => [r.service, r.fault, r.status])).toEqual([
        ['ec2', respond, ec2[1]],
        ['rds', respond, query[1]],
        ['eks', respond, json[1]],
      ]);
    },
  );

  it('answers bad_gateway with a 502 page and malformed with an unparsable 200', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', times: 1, respond: 'bad_gateway' }] });
    const ec2 = new EC2Client(config(e));
    await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 502 },
    });
    e.addFault({ op: '*', respond: 'malformed' });
    await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toThrow();
    await expect(
      new RDSClient(config(e)).send(new DescribeDBInstancesCommand({})),
    ).rejects.toThrow();
    await expect(new EKSClient(config(e)).send(new ListClustersCommand({}))).rejects.toThrow();
    expect(e.requests.map((r) => r.status)).toEqual([502, 200, 200, 200]);
  });

  it('truncates a body, resets a connection mid-body, and hangs until the client gives up', async () => {
    const e = await start();
    const whole = await (await signedFetch(e, { service: 'ec2', body: VPCS })).text();
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'truncated' });
    const cut = await signedFetch(e, { service: 'ec2', body: VPCS });
    expect(cut.status).toBe(200);
    expect((await cut.text()).length).toBe(Math.floor(whole.length / 2));
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'reset' });
    await expect(
      signedFetch(e, { service: 'ec2', body: VPCS }).then((r) => r.text()),
    ).rejects.toThrow();
    e.addFault({ op: 'DescribeVpcs', times: 1, respond: 'hang' });
    const hung = signedFetch(e, { service: 'ec2', body: VPCS, signal: AbortSignal.timeout(100) });
    await expect(hung).rejects.toThrow();
    expect(e.requests.map((r) => r.fault)).toEqual([undefined, 'truncated', 'reset', 'hang']);
  });

  it('releases a hanging request on close', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', respond: 'hang' }] });
    const pending = signedFetch(e, { service: 'ec2', body: VPCS });
    await new Promise((r) => setTimeout(r, 20));
    await e.close();
    em = undefined;
    await expect(pending).rejects.toThrow();
  });

  it('echoes the received page token with repeat_token, so a careless client would loop', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', respond: 'repeat_token' }] });
    const ec2 = new EC2Client(config(e));
    const first = await ec2.send(new DescribeVpcsCommand({}));
    expect(first.NextToken).toBeDefined();
    const second = await ec2.send(new DescribeVpcsCommand({ NextToken: first.NextToken }));
    expect(second.NextToken).toBe(first.NextToken);
    expect(e.requests.map((r) => r.fault)).toEqual([undefined, 'repeat_token']);
  });

  it('matches faults in order, by region, for a number of times, and can change them at runtime', async () => {
    const e = await start({
      faults: [
        { op: 'DescribeVpcs', region: 'eu-west-1', times: 1, respond: 'forbidden' },
        { op: 'DescribeVpcs', times: 2, respond: 'throttle' },
      ],
    });
    const east = new EC2Client(config(e));
    const other = new EC2Client(config(e, 'eu-west-1'));
    await expect(other.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
    });
    await expect(east.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
    });
    await expect(other.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
    });
    await expect(east.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    e.addFault({ op: '*', service: 'rds', respond: 'forbidden' });
    await expect(east.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    await expect(
      new RDSClient(config(e)).send(new DescribeDBInstancesCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    e.addFault({ op: '*', respond: 'unavailable' });
    await expect(east.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'Unavailable',
    });
    e.clearFaults();
    await expect(east.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
  });

  it('lets the SDK retry transient errors and records the attempt numbers', async () => {
    const e = await start({ faults: [{ op: 'DescribeVpcs', times: 2, respond: 'server_error' }] });
    await new EC2Client({ ...config(e), maxAttempts: 3 }).send(new DescribeVpcsCommand({}));
    expect(e.requests.map((r) => [r.attempt, r.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it('adds latency and rate-limits per region and operation', async () => {
    const clock = manualClock();
    const e = await start({ latencyMs: 40, rateLimit: { perSecond: 1, burst: 2 }, clock });
    const ec2 = new EC2Client(config(e));
    const t0 = performance.now();
    await ec2.send(new DescribeVpcsCommand({}));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(35);
    await ec2.send(new DescribeVpcsCommand({}));
    await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
    });
    await new EC2Client(config(e, 'eu-west-1')).send(new DescribeVpcsCommand({}));
    clock.advance(1000);
    await ec2.send(new DescribeVpcsCommand({}));
    expect(e.requests.map((r) => r.rateLimited ?? false)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('records parameters but never signatures or secrets', async () => {
    const e = await start();
    await new EC2Client(config(e)).send(new DescribeVpcsCommand({ MaxResults: 5 }));
    await expect(
      new EC2Client(config(e, 'us-east-1', { ...e.credentials, secretAccessKey: 'x' })).send(
        new DescribeVpcsCommand({}),
      ),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(e.requests[0]).toEqual({
      provider: 'aws',
      service: 'ec2',
      op: 'DescribeVpcs',
      region: 'us-east-1',
      params: { Action: 'DescribeVpcs', Version: '2016-11-15', MaxResults: '5' },
      status: 200,
      attempt: 1,
    });
    expect(e.requests[1]?.status).toBe(403);
    const text = JSON.stringify(e.requests);
    expect(text).not.toContain(e.credentials.secretAccessKey);
    expect(text).not.toMatch(/Signature|authorization/i);
  });

  it('rejects a clock skew over 15 minutes and expired temporary credentials', async () => {
    const clock = manualClock();
    const e = await start({ clock });
    const sts = new STSClient(config(e));
    const role = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/r',
        RoleSessionName: 'sync',
        DurationSeconds: 900,
      }),
    );
    const temp = {
      accessKeyId: role.Credentials?.AccessKeyId ?? '',
      secretAccessKey: role.Credentials?.SecretAccessKey ?? '',
      sessionToken: role.Credentials?.SessionToken ?? '',
    };
    clock.advance(901_000);
    await expect(
      new STSClient(config(e, 'us-east-1', temp)).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: 'ExpiredToken',
    });
    await expect(new EC2Client(config(e)).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'RequestExpired',
    });
  });

  it('serves classic ELB on the same scope service, routed on Version', async () => {
    const e = await start();
    const body = 'Action=DescribeLoadBalancers&Version=2012-06-01';
    const page1 = await (await signedFetch(e, { service: 'elasticloadbalancing', body })).text();
    expect(page1).toContain('<LoadBalancerDescriptions><member><LoadBalancerName>');
    const marker = /<NextMarker>([^<]+)<\/NextMarker>/.exec(page1)?.[1] ?? '';
    expect(marker).not.toBe('');
    const page2 = await (
      await signedFetch(e, {
        service: 'elasticloadbalancing',
        body: `${body}&Marker=${encodeURIComponent(marker)}`,
      })
    ).text();
    expect(page2).not.toContain('<NextMarker>');
    const name = /<LoadBalancerName>([^<]+)</.exec(page1)?.[1] ?? '';
    const health = await signedFetch(e, {
      service: 'elasticloadbalancing',
      body: `Action=DescribeInstanceHealth&Version=2012-06-01&LoadBalancerName=${name}`,
    });
    expect(await health.text()).toMatch(/<State>(InService|OutOfService)<\/State>/);
    const v2 = await signedFetch(e, {
      service: 'elasticloadbalancing',
      body: `${body.replace('2012-06-01', '2015-12-01')}&Marker=${encodeURIComponent(marker)}`,
    });
    expect(v2.status).toBe(400);
    expect(await v2.text()).toContain('<Code>InvalidParameterValue</Code>');
  });
});
