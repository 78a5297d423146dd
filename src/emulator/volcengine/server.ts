/**
 * The Volcengine emulator on one port: `Action` and `Version` in the query, parameters in the query (GET),
 * a form body or a JSON body (POST); routed on the credential scope's service plus `Action`; verifies the
 * HMAC-SHA256 signature and the `X-Date` skew; answers disabled or unknown regions with `InvalidRegion`;
 * renders `{ResponseMetadata, Result}`.
 */
import type {
  BackendOptions,
  ErrorFault,
  ProviderBackend,
  RawRequest,
  Reply,
  RequestInfo,
  RouteResult,
} from '../harness.js';
import { hash32, hex32 } from '../random.js';
import type { Handler, VolcCall } from './call.js';
import { PageTokens } from './call.js';
import { ECS_ACTIONS, ECS_VERSION } from './ecs.js';
import type { Meta } from './errors.js';
import {
  BAD_GATEWAY,
  faultError,
  invalidParameter,
  JSON_CONTENT_TYPE,
  metadata,
  renderError,
  verifyError,
  VolcEmulatorError,
} from './errors.js';
import { SERVICE_ACTIONS, SERVICE_VERSIONS } from './services.js';
import { parseScope, verifySignature } from './verifier.js';
import { VPC_ACTIONS, VPC_VERSION } from './vpc.js';

interface Product {
  readonly version: string;
  readonly actions: Readonly<Record<string, Handler>>;
}

export const VOLCENGINE_PRODUCTS: Readonly<Record<string, Product>> = {
  ecs: { version: ECS_VERSION, actions: ECS_ACTIONS },
  vpc: { version: VPC_VERSION, actions: VPC_ACTIONS },
  ...Object.fromEntries(
    Object.entries(SERVICE_ACTIONS).map(([service, actions]) => [
      service,
      { version: SERVICE_VERSIONS[service] ?? '', actions },
    ]),
  ),
};

/** Endpoint service codes, all served at the emulator's root URL. */
export const VOLCENGINE_SERVICES = Object.keys(VOLCENGINE_PRODUCTS);

/** Request parameters: the query, then a form or JSON body (scalars as strings). */
function paramsOf(raw: RawRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw.query)) params[k] = v;
  const type = raw.headers['content-type'] ?? '';
  const text = raw.body.toString('utf8');
  if (raw.method.toUpperCase() === 'GET' || text === '') return params;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(text)) params[k] = v;
  } else if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw invalidParameter('The request body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalidParameter('The request body must be a JSON object.');
    }
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        params[k] = String(v);
      }
    }
  }
  return params;
}

export function createVolcengineBackend(opts: BackendOptions): ProviderBackend {
  const { world, clock } = opts;
  const tokens = new PageTokens(world.seed);
  let counter = 0;
  const nextRequestId = (): string => {
    const n = counter++;
    const stamp = new Date(clock.now()).toISOString().replace(/\D/g, '').slice(0, 14);
    return `${stamp}${hex32(hash32(world.seed, 'volcengine-request', n)).toUpperCase()}${hex32(n).toUpperCase()}`;
  };
  const meta = (info: RequestInfo, version: string): Meta => ({
    requestId: nextRequestId(),
    action: info.op,
    version,
    service: info.service,
    region: info.region,
  });
  const lookup = (id: string): string | undefined =>
    id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined;

  const route = (raw: RawRequest): RouteResult => {
    const query = new URLSearchParams(raw.query);
    const op = query.get('Action') ?? '';
    const version = query.get('Version') ?? '';
    const scope = parseScope(raw.headers['authorization']);
    const info: RequestInfo = {
      service: scope?.service ?? '',
      op,
      region: scope?.region ?? '',
      params: {},
    };
    const reject = (err: VolcEmulatorError): RouteResult => ({
      kind: 'rejected',
      info,
      reply: renderError(err, meta(info, version)),
    });
    let params: Record<string, string>;
    try {
      params = paramsOf(raw);
    } catch (err) {
      if (err instanceof VolcEmulatorError) return reject(err);
      throw err;
    }
    info.params = Object.fromEntries(
      Object.entries(params).filter(([k]) => k !== 'Action' && k !== 'Version'),
    );
    const verified = verifySignature(raw, { now: clock.now(), lookup });
    if (!verified.ok) return reject(verifyError(verified.reason));
    const product = VOLCENGINE_PRODUCTS[info.service];
    if (product === undefined) {
      return reject(new VolcEmulatorError(404, 'InvalidServiceName', 'The service is not found.'));
    }
    if (version !== product.version) {
      return reject(
        new VolcEmulatorError(404, 'InvalidActionOrVersion', `Version ${version} is not valid.`),
      );
    }
    const handler = Object.hasOwn(product.actions, op) ? product.actions[op] : undefined;
    if (handler === undefined) {
      return reject(
        new VolcEmulatorError(404, 'InvalidActionOrVersion', `Action ${op} is not found.`),
      );
    }
    if (world.regions.find((r) => r.id === info.region)?.enabled !== true) {
      return reject(faultError('region_disabled', op));
    }
    const pageNumber = Number(params['PageNumber'] ?? '1');
    const run = handler;
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken:
          (params['NextToken'] ?? '') !== '' || (Number.isInteger(pageNumber) && pageNumber > 1),
        respond: ({ repeatToken }): Reply => {
          const m = meta(info, version);
          const call: VolcCall = {
            service: info.service,
            action: op,
            region: info.region,
            params,
            world,
            res: world.resources(info.region),
            pageLimit: opts.pageLimit,
            tokens,
            repeatToken,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-tt-logid': m.requestId },
              body: JSON.stringify({ ResponseMetadata: metadata(m), Result: run(call) }),
            };
          } catch (err) {
            if (err instanceof VolcEmulatorError) return renderError(err, m);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'volcengine',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply => {
      if (kind === 'bad_gateway') return BAD_GATEWAY;
      const version = VOLCENGINE_PRODUCTS[info.service]?.version ?? '';
      return renderError(faultError(kind, info.op), meta(info, version));
    },
    malformed: (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: '{"ResponseMetadata":{"RequestId":"20261122000000","Action":"Describe',
    }),
  };
}
