/**
 * The provider-neutral contract of every emulator: options, faults, recorded requests, and the backend
 * interface a provider implements (its wire protocol). The HTTP server itself is in harness-server.ts.
 */
import type { ProviderName } from '../model/index.js';
import type { Clock } from '../transport/clock.js';
import type { Scale } from './world-types.js';
import type { RegionResources, World } from './world-types-services.js';

export type FaultKind =
  | 'throttle'
  | 'server_error'
  | 'bad_gateway'
  | 'unavailable'
  | 'hang'
  | 'reset'
  | 'malformed'
  | 'truncated'
  | 'forbidden'
  | 'auth_failure'
  | 'expired_token'
  | 'repeat_token'
  | 'region_disabled';

export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'server_error',
  'bad_gateway',
  'unavailable',
  'hang',
  'reset',
  'malformed',
  'truncated',
  'forbidden',
  'auth_failure',
  'expired_token',
  'repeat_token',
  'region_disabled',
];

/** Faults the provider renders as an error response in its own wire format. */
export type ErrorFault = Extract<
  FaultKind,
  | 'throttle'
  | 'server_error'
  | 'bad_gateway'
  | 'unavailable'
  | 'forbidden'
  | 'auth_failure'
  | 'expired_token'
  | 'region_disabled'
>;

export interface FaultSpec {
  /** Operation (action) name, or `*` for every operation. */
  op: string;
  /** Endpoint service code (`ec2`, `elasticloadbalancing`, ...); default: any. */
  service?: string;
  region?: string;
  /** How many matching requests get the fault; default: all of them. */
  times?: number;
  respond: FaultKind;
}

export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EmulatorOptions {
  seed?: number;
  scale?: Scale;
  /** Serve this world instead of generating one from `seed` and `scale`. */
  world?: World;
  /**
   * Generate the whole world before listening and keep it (`deepflow-cloud emulator --warm`): answers then
   * cost their rendering only, as a cloud's do, and the benchmark's API phase measures the sync, not the
   * world generator. Costs the world's memory in the emulator (about 1 GB for the large world).
   */
  warm?: boolean;
  /** Added before every response. */
  latencyMs?: number;
  /** Token bucket per (region, operation); over it the provider's throttling error is returned. */
  rateLimit?: { perSecond: number; burst: number };
  faults?: FaultSpec[];
  /** Caps every page below the API maximum, so small worlds still page. */
  pageLimit?: number;
  /**
   * Aliyun: answer as to a RAM user whose policy is scoped to resource groups, so DescribeInstances without
   * `ResourceGroupId` lists nothing (the case DeepFlow's resource-group pre-pass exists for).
   */
  resourceGroupScoped?: boolean;
  port?: number;
  credentials?: EmulatorCredentials;
  /** Time for signature skew checks, token expiry, latency and the rate limit. */
  clock?: Clock;
}

export interface RecordedRequest {
  provider: ProviderName;
  service: string;
  op: string;
  region: string;
  /** Request parameters, never signatures or secrets. */
  params: Record<string, string>;
  status: number;
  fault?: FaultKind;
  /** Set when the rate limit answered. */
  rateLimited?: true;
  /** The client's attempt number when it says (AWS `amz-sdk-request`). */
  attempt?: number;
}

export interface RunningEmulator {
  provider: ProviderName;
  url: string;
  port: number;
  credentials: EmulatorCredentials;
  /** The credentials under the config's key names for this provider (aws: access_key_id/secret_access_key). */
  configCredentials: Record<string, string>;
  /** Service code → base URL, ready for an account's `endpoints`. */
  endpoints: Record<string, string>;
  world: World;
  requests: RecordedRequest[];
  /**
   * When the first request arrived and the last response was sent (clock ms), for the benchmark's wall time
   * of the API phase; undefined before any request.
   */
  activity?(): { firstAt: number; lastAt: number } | undefined;
  /**
   * How many requests have arrived so far, counted on arrival (`requests` records each one only when it is
   * answered, after `latencyMs`): tells requests started after a moment from those already in flight then.
   */
  arrived?(): number;
  addFault(fault: FaultSpec): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface RawRequest {
  method: string;
  path: string;
  query: string;
  /** Lower-case names; repeated headers joined with `,`. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a request is, as far as recording and faults care. */
export interface RequestInfo {
  service: string;
  op: string;
  region: string;
  params: Record<string, string>;
  attempt?: number;
}

/** A request the backend has routed and authenticated. */
export interface RoutedRequest extends RequestInfo {
  /** True when the request carries a page token (a `repeat_token` fault applies only then). */
  hasPageToken: boolean;
  respond(opts: { repeatToken: boolean }): Reply;
}

export type RouteResult =
  | { kind: 'routed'; request: RoutedRequest }
  | { kind: 'rejected'; info: RequestInfo; reply: Reply };

export interface ProviderBackend {
  readonly provider: ProviderName;
  route(req: RawRequest): RouteResult;
  renderFault(kind: ErrorFault, req: RequestInfo): Reply;
  /** A 200 response whose body does not parse. */
  malformed(req: RequestInfo): Reply;
}

/** What every provider's backend is built from. */
export interface BackendOptions {
  readonly world: World;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  /** Caps every page below the API maximum. */
  readonly pageLimit?: number;
  /** Aliyun only: see `EmulatorOptions.resourceGroupScoped`. */
  readonly resourceGroupScoped?: boolean;
}

/**
 * How one operation the emulator serves pages, for the performance model (DESIGN §10): the benchmark derives
 * the minimum number of calls and the floor of a sync from these and the world.
 * - `token`: token / marker / NextToken / nextLink paging: pages one after another.
 * - `number`: page-number or offset paging with a total: page 1, then pages 2..n in parallel.
 * - `single`: one call returns everything (no paging).
 * - `item`: one call per parent item (listeners of one LB, attributes of one security group).
 */
export interface OperationModel {
  readonly service: string;
  /** The action / operation name as recorded in `RecordedRequest.op`. */
  readonly op: string;
  readonly paging: 'token' | 'number' | 'single' | 'item';
  /** The API's maximum page size (`single` / `item`: ignored). */
  readonly maxPageSize: number;
  /**
   * `regional`: called in every synced region; `global`: once per account, for what the account has once (its
   * regions, its identity); `account`: once per account, listing what every synced region has (ARM's
   * per-subscription lists: items are summed over the regions before pages are counted).
   */
  readonly scope: 'regional' | 'global' | 'account';
  /** Items listed in this region (`item`: the number of calls, i.e. parent items). */
  items(res: RegionResources, world: World): number;
  /** Operations (`op` names) that must answer before this one can start (its chain), if any. */
  readonly after?: readonly string[];
}

/** What `src/emulator/<provider>/index.ts` exports as `emulator`: the provider's wire protocol. */
export interface EmulatorModule {
  /** Endpoint service codes served (the keys of `RunningEmulator.endpoints`). */
  readonly services: readonly string[];
  /** Path prefix per service code when services share the port by path (Aliyun, Baidu). */
  readonly servicePaths?: Readonly<Record<string, string>>;
  createBackend(opts: BackendOptions): ProviderBackend;
  /** Every operation the adapter's sync calls, as the performance model sees it (DESIGN §10). */
  readonly operations?: readonly OperationModel[];
}

/** Validates faults read from a file (`deepflow-cloud emulator --faults`); throws naming the bad entry. */
export function parseFaultSpecs(value: unknown): FaultSpec[] {
  if (!Array.isArray(value)) throw new Error('faults must be a JSON array');
  return value.map((raw: unknown, i): FaultSpec => {
    const where = `faults[${i}]`;
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where} must be an object`);
    const f = raw as Record<string, unknown>;
    const known = new Set(['op', 'service', 'region', 'times', 'respond']);
    const unknown = Object.keys(f).find((k) => !known.has(k));
    if (unknown !== undefined) throw new Error(`${where}.${unknown} is not a fault field`);
    const { op, service, region, times, respond } = f;
    if (typeof op !== 'string' || op === '')
      throw new Error(`${where}.op must be an action name or '*'`);
    if (!FAULT_KINDS.some((k) => k === respond)) {
      throw new Error(`${where}.respond must be one of ${FAULT_KINDS.join(', ')}`);
    }
    if (
      times !== undefined &&
      (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
    ) {
      throw new Error(`${where}.times must be a positive integer`);
    }
    for (const [key, v] of [
      ['service', service],
      ['region', region],
    ] as const) {
      if (v !== undefined && typeof v !== 'string')
        throw new Error(`${where}.${key} must be a string`);
    }
    return {
      op,
      respond: respond as FaultKind,
      ...(typeof service === 'string' ? { service } : {}),
      ...(typeof region === 'string' ? { region } : {}),
      ...(typeof times === 'number' ? { times } : {}),
    };
  });
}
