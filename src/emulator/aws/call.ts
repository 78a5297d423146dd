/** What an AWS action handler gets, paging with opaque tokens, and per-region lookups. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../transport/clock.js';
import type {
  LoadBalancer,
  RedisCache,
  RegionResources,
  ServerlessCache,
  TargetGroup,
  World,
} from '../world-types-services.js';
import type { SecurityGroup, Seq, Subnet } from '../world-types.js';
import { AwsApiError, invalidParameter, type AwsProtocol } from './errors.js';
import { loadBalancerArn, targetGroupArn } from './names.js';

export interface Principal {
  readonly arn: string;
  readonly userId: string;
  readonly account: string;
}

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiresAt: number;
}

export interface AwsCall {
  readonly protocol: AwsProtocol;
  readonly service: string;
  readonly action: string;
  readonly region: string;
  readonly params: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly accountId: string;
  readonly requestId: string;
  readonly pageLimit: number | undefined;
  readonly tokens: PageTokens;
  readonly repeatToken: boolean;
  readonly principal: Principal;
  readonly clock: Clock;
  /** STS: issues temporary credentials the emulator then accepts. */
  issueCredentials(principal: Principal, seconds: number): TemporaryCredentials;
}

/** Returns the whole response body. Throws `AwsApiError` for API errors. */
export type Handler = (call: AwsCall) => string;

/** `Prefix.1`, `Prefix.2`, … (EC2) or `Prefix.member.1`, … (awsQuery) values, in order. */
export function listParam(call: AwsCall, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const value = call.params[`${prefix}.${i}`] ?? call.params[`${prefix}.member.${i}`];
    if (value === undefined) return out;
    out.push(value);
  }
}

/** Rejects parameters the emulator does not implement, so a client never gets a silently unfiltered list. */
export function checkParams(call: AwsCall, allowed: readonly string[]): void {
  for (const key of Object.keys(call.params)) {
    const base = key.split('.')[0] ?? key;
    if (base === 'Action' || base === 'Version' || base === 'DryRun' || allowed.includes(base)) {
      continue;
    }
    throw new AwsApiError(
      400,
      'UnknownParameter',
      `The parameter ${base} is not recognized (the emulator does not implement it for ${call.action}).`,
    );
  }
  if (call.protocol === 'ec2' && call.params['DryRun'] === 'true') {
    throw new AwsApiError(
      412,
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
    );
  }
}

/** Action name → handler that first checks the parameters it accepts. */
export function actionTable(
  entries: Readonly<Record<string, readonly [Handler, readonly string[]]>>,
): (action: string) => Handler | undefined {
  return (action) => {
    const entry = Object.hasOwn(entries, action) ? entries[action] : undefined;
    if (entry === undefined) return undefined;
    const [handler, params] = entry;
    return (call) => {
      checkParams(call, params);
      return handler(call);
    };
  };
}

/** Opaque page tokens bound to (service, action, region, scope); a token from elsewhere is rejected. */
export class PageTokens {
  private readonly key: Buffer;

  constructor(seed: number) {
    this.key = createHash('sha256').update(`deepflow-cloud-emulator-pages-${seed}`).digest();
  }

  private mac(scope: string, offset: number): string {
    return createHmac('sha256', this.key)
      .update(`${scope}\n${offset}`)
      .digest('base64url')
      .slice(0, 22);
  }

  encode(scope: string, offset: number): string {
    return Buffer.from(`${offset}:${this.mac(scope, offset)}`).toString('base64url');
  }

  decode(scope: string, token: string): number | undefined {
    const offset = Number(Buffer.from(token, 'base64url').toString().split(':')[0]);
    if (!Number.isInteger(offset) || offset < 0) return undefined;
    const expected = Buffer.from(this.encode(scope, offset));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? offset
      : undefined;
  }
}

export interface PageSpec {
  readonly sizeParam: string;
  readonly tokenParam: string;
  readonly min: number;
  readonly max: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly next?: string;
}

/** Serves one page: min(requested or max, pageLimit) items after the token's offset. */
export function paginate<T>(call: AwsCall, all: Seq<T>, spec: PageSpec, scopeExtra = ''): Page<T> {
  const raw = call.params[spec.sizeParam];
  let size = spec.max;
  if (raw !== undefined) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
      throw invalidParameter(
        call.protocol,
        `Value (${raw}) for parameter ${spec.sizeParam} is invalid. Expecting a value between ${spec.min} and ${spec.max}.`,
      );
    }
    size = n;
  }
  if (call.pageLimit !== undefined) size = Math.min(size, call.pageLimit);
  const scope = `${call.service}|${call.action}|${call.region}|${scopeExtra}`;
  const token = call.params[spec.tokenParam];
  let offset = 0;
  if (token !== undefined && token !== '') {
    const decoded = call.tokens.decode(scope, token);
    if (decoded === undefined || decoded > all.length)
      throw invalidToken(call.protocol, spec.tokenParam);
    offset = decoded;
  }
  const items: T[] = [];
  const end = Math.min(offset + size, all.length);
  for (let i = offset; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  if (call.repeatToken && token !== undefined && token !== '') return { items, next: token };
  return end < all.length ? { items, next: call.tokens.encode(scope, end) } : { items };
}

function invalidToken(protocol: AwsProtocol, param: string): AwsApiError {
  if (protocol === 'ec2') {
    return new AwsApiError(
      400,
      'InvalidPaginationToken',
      'The specified pagination token is not valid or is expired.',
    );
  }
  return invalidParameter(protocol, `Invalid ${param}: the token is not valid for this request.`);
}

export interface RegionLookup {
  readonly subnets: ReadonlyMap<string, Subnet>;
  readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
  readonly loadBalancers: ReadonlyMap<string, LoadBalancer>;
  readonly loadBalancersByArn: ReadonlyMap<string, LoadBalancer>;
  readonly loadBalancersByName: ReadonlyMap<string, LoadBalancer>;
  readonly targetGroups: ReadonlyMap<string, TargetGroup>;
  readonly targetGroupsByArn: ReadonlyMap<string, TargetGroup>;
  /** Cache cluster id (a node) → its Redis deployment. */
  readonly cacheByNode: ReadonlyMap<string, RedisCache>;
  readonly serverless: ReadonlyMap<string, ServerlessCache>;
}

const lookups = new WeakMap<RegionResources, RegionLookup>();

export function lookup(call: AwsCall): RegionLookup {
  const { res, region, accountId } = call;
  let l = lookups.get(res);
  if (l === undefined) {
    l = {
      subnets: new Map(res.subnets.map((s) => [s.id, s])),
      securityGroups: new Map(res.securityGroups.map((g) => [g.id, g])),
      loadBalancers: new Map(res.loadBalancers.map((lb) => [lb.id, lb])),
      loadBalancersByArn: new Map(
        res.loadBalancers.map((lb) => [loadBalancerArn(region, accountId, lb), lb]),
      ),
      loadBalancersByName: new Map(
        res.loadBalancers.filter((lb) => lb.type === 'classic').map((lb) => [lb.name, lb]),
      ),
      targetGroups: new Map(res.targetGroups.map((tg) => [tg.id, tg])),
      targetGroupsByArn: new Map(
        res.targetGroups.map((tg) => [targetGroupArn(region, accountId, tg), tg]),
      ),
      cacheByNode: new Map(
        res.redisCaches.flatMap((c) =>
          c.shards.flatMap((s) => s.nodes.map((n) => [n.clusterId, c] as const)),
        ),
      ),
      serverless: new Map(res.serverlessCaches.map((c) => [c.name, c])),
    };
    lookups.set(res, l);
  }
  return l;
}
