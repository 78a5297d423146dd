/**
 * The QingCloud emulator: signed GET `/iaas/?action=…` (signature v1 verified, time_stamp skew checked),
 * `zone` = a region id, `offset`/`limit` paging (max 100) with `total_count`, errors as
 * `{ret_code, message}` with HTTP 200, throttling as ret_code 5100.
 */
import type { Clock } from '../../transport/clock.js';
import type {
  EmulatorCredentials,
  ErrorFault,
  ProviderBackend,
  RawRequest,
  Reply,
  RequestInfo,
  RouteResult,
} from '../harness.js';
import type { World } from '../world-types-services.js';
import type { Handler, QingcloudCall } from './call.js';
import { pageOf } from './call.js';
import { COMPUTE_ACTIONS } from './compute.js';
import {
  BAD_GATEWAY,
  JSON_CONTENT_TYPE,
  QingcloudFault,
  faultError,
  parameterError,
  renderError,
  verifyError,
} from './errors.js';
import { NETWORK_ACTIONS } from './network.js';
import { SERVICE_ACTIONS } from './services.js';
import { parseQuery, verifyQingcloud } from './verifier.js';

export const QINGCLOUD_ACTIONS: Readonly<Record<string, Handler>> = {
  ...NETWORK_ACTIONS,
  ...COMPUTE_ACTIONS,
  ...SERVICE_ACTIONS,
};

/** Actions asked without a `zone`. */
const GLOBAL: ReadonlySet<string> = new Set(['DescribeZones']);

/** Never recorded. */
const SECRET_PARAMS: ReadonlySet<string> = new Set(['signature', 'access_key_id']);

export const QINGCLOUD_SERVICES = ['iaas'];
export const QINGCLOUD_SERVICE_PATHS: Readonly<Record<string, string>> = { iaas: '/iaas/' };

export interface QingcloudBackendOptions {
  readonly world: World;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly pageLimit?: number;
}

export function createQingcloudBackend(opts: QingcloudBackendOptions): ProviderBackend {
  const { world, clock } = opts;
  const reject = (info: RequestInfo, err: QingcloudFault): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(err, info.op),
  });

  const route = (raw: RawRequest): RouteResult => {
    const params = parseQuery(raw.query);
    const op = params['action'] ?? '';
    const zone = params['zone'] ?? '';
    const info: RequestInfo = {
      service: 'iaas',
      op,
      region: zone,
      params: Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k))),
    };
    if (raw.path !== '/iaas/' && raw.path !== '/iaas') {
      return reject(
        info,
        new QingcloudFault(1100, `InvalidRequest, path [${raw.path}] not found`, 404),
      );
    }
    const verified = verifyQingcloud(raw.method, raw.path, params, {
      now: clock.now(),
      lookup: (id) =>
        id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
    });
    if (!verified.ok) return reject(info, verifyError(verified.reason, verified.detail));
    const handler = Object.hasOwn(QINGCLOUD_ACTIONS, op) ? QINGCLOUD_ACTIONS[op] : undefined;
    if (handler === undefined)
      return reject(info, parameterError(`action [${op}] is not supported`));
    if (zone === '' && !GLOBAL.has(op)) {
      return reject(info, parameterError('parameter [zone] should not be empty'));
    }
    const regionIndex = world.regions.findIndex((r) => r.id === zone);
    if (zone !== '' && world.regions[regionIndex]?.enabled !== true) {
      return reject(info, faultError('region_disabled', op, zone));
    }
    const offset = Number(params['offset'] ?? '0');
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: Number.isFinite(offset) && offset > 0,
        respond: ({ repeatToken }): Reply => {
          const call: QingcloudCall = {
            action: op,
            zone,
            params,
            world,
            res: world.resources(zone),
            regionIndex: Math.max(0, regionIndex),
            pageLimit: opts.pageLimit,
            repeatToken,
          };
          try {
            const listing = handler(call);
            const page = pageOf(call, listing.items);
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE },
              body: JSON.stringify({
                action: `${op}Response`,
                ret_code: 0,
                total_count: page.total,
                [listing.key]: page.items,
              }),
            };
          } catch (err) {
            if (err instanceof QingcloudFault) return renderError(err, op);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'qingcloud',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply =>
      kind === 'bad_gateway'
        ? BAD_GATEWAY
        : renderError(faultError(kind, info.op, info.region), info.op),
    malformed: (info: RequestInfo): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: `{"action":"${info.op}Response","ret_code":0,"total_count":1,"instance_set":[{"instance_id":`,
    }),
  };
}
