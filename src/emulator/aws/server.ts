/**
 * The AWS emulator on one port: routes on the SigV4 credential-scope service (and the query `Version`),
 * verifies the signature, answers disabled regions like AWS does, and renders errors per protocol.
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
import { hash32, hex32 } from '../random.js';
import type { World } from '../world-types-services.js';
import {
  PageTokens,
  type AwsCall,
  type Handler,
  type Principal,
  type TemporaryCredentials,
} from './call.js';
import { ec2Handler, EC2_VERSION } from './ec2.js';
import { eksHandler, routeEks } from './eks.js';
import { ELASTICACHE_NAMESPACE, ELASTICACHE_VERSION, elasticacheHandler } from './elasticache.js';
import {
  ELB_CLASSIC_NAMESPACE,
  ELB_CLASSIC_VERSION,
  ELBV2_NAMESPACE,
  ELBV2_VERSION,
  elbClassicHandler,
  elbv2Handler,
} from './elb.js';
import {
  AwsApiError,
  BAD_GATEWAY,
  faultError,
  renderError,
  verifyError,
  type AwsProtocol,
} from './errors.js';
import { token } from './names.js';
import { RDS_NAMESPACE, RDS_VERSION, rdsHandler } from './rds.js';
import { parseAuthorization, verifySigV4, type KnownKey } from './sigv4.js';
import { STS_NAMESPACE, STS_VERSION, stsHandler } from './sts.js';
import { EC2_NAMESPACE } from './xml.js';

/** Endpoint service codes served on the one port. */
export const AWS_SERVICES = [
  'ec2',
  'rds',
  'elasticache',
  'elasticloadbalancing',
  'eks',
  'sts',
] as const;

interface Api {
  readonly namespace: string;
  readonly handler: (action: string) => Handler | undefined;
}

/** Query-protocol APIs by scope service and `Version`. */
const QUERY_APIS: Readonly<Record<string, Readonly<Record<string, Api>>>> = {
  ec2: { [EC2_VERSION]: { namespace: EC2_NAMESPACE, handler: ec2Handler } },
  rds: { [RDS_VERSION]: { namespace: RDS_NAMESPACE, handler: rdsHandler } },
  elasticache: {
    [ELASTICACHE_VERSION]: { namespace: ELASTICACHE_NAMESPACE, handler: elasticacheHandler },
  },
  elasticloadbalancing: {
    [ELBV2_VERSION]: { namespace: ELBV2_NAMESPACE, handler: elbv2Handler },
    [ELB_CLASSIC_VERSION]: { namespace: ELB_CLASSIC_NAMESPACE, handler: elbClassicHandler },
  },
  sts: { [STS_VERSION]: { namespace: STS_NAMESPACE, handler: stsHandler } },
};

const VERSION_SERVICE: Readonly<Record<string, string>> = {
  [EC2_VERSION]: 'ec2',
  [RDS_VERSION]: 'rds',
  [ELASTICACHE_VERSION]: 'elasticache',
  [ELBV2_VERSION]: 'elasticloadbalancing',
  [ELB_CLASSIC_VERSION]: 'elasticloadbalancing',
  [STS_VERSION]: 'sts',
};

function protocolOf(service: string): AwsProtocol {
  return service === 'ec2' ? 'ec2' : service === 'eks' ? 'rest-json' : 'query';
}

function namespaceOf(service: string): string {
  const versions = QUERY_APIS[service];
  return versions === undefined ? '' : (Object.values(versions)[0]?.namespace ?? '');
}

const CONTENT_TYPE: Record<AwsProtocol, string> = {
  ec2: 'text/xml;charset=UTF-8',
  query: 'text/xml',
  'rest-json': 'application/json',
};

export interface AwsBackendOptions {
  readonly world: World;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly pageLimit?: number;
}

export function createAwsBackend(opts: AwsBackendOptions): ProviderBackend {
  const { world, clock } = opts;
  const tokens = new PageTokens(world.seed);
  let requestCounter = 0;
  const nextRequestId = (): string => {
    const n = requestCounter++;
    const h = [1, 2, 3, 4].map((k) => hex32(hash32(world.seed, 'request', n, k)));
    const [a = '', b = '', c = '', d = ''] = h;
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
  const staticPrincipal: Principal = {
    arn: `arn:aws:iam::${world.accountId}:user/emulator`,
    userId: `AIDA${token(17, world.accountId, 'user').toUpperCase()}`,
    account: world.accountId,
  };
  const keys = new Map<string, KnownKey<Principal>>([
    [
      opts.credentials.accessKeyId,
      { secretAccessKey: opts.credentials.secretAccessKey, principal: staticPrincipal },
    ],
  ]);
  let issued = 0;
  const issueCredentials = (principal: Principal, seconds: number): TemporaryCredentials => {
    const n = issued++;
    const creds = {
      accessKeyId: `ASIA${token(16, String(world.seed), 'akid', String(n)).toUpperCase()}`,
      secretAccessKey: token(40, String(world.seed), 'secret', String(n)),
      sessionToken: Buffer.from(token(96, String(world.seed), 'session', String(n))).toString(
        'base64',
      ),
      expiresAt: clock.now() + seconds * 1000,
    };
    keys.set(creds.accessKeyId, {
      secretAccessKey: creds.secretAccessKey,
      sessionToken: creds.sessionToken,
      expiresAt: creds.expiresAt,
      principal,
    });
    return creds;
  };

  const reject = (info: RequestInfo, err: AwsApiError): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(protocolOf(info.service), namespaceOf(info.service), err, nextRequestId()),
  });

  const route = (raw: RawRequest): RouteResult => {
    const auth = parseAuthorization(raw.headers['authorization']);
    const isForm = (raw.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    );
    const form = new URLSearchParams(raw.query);
    if (isForm)
      for (const [k, v] of new URLSearchParams(raw.body.toString('utf8'))) form.append(k, v);
    const version = form.get('Version') ?? '';
    const service =
      auth?.service ??
      (raw.path.startsWith('/clusters') ? 'eks' : (VERSION_SERVICE[version] ?? 'ec2'));
    const protocol = protocolOf(service);
    const eks = protocol === 'rest-json' ? routeEks(raw.method, raw.path, raw.query) : undefined;
    const op = eks?.op ?? form.get('Action') ?? '';
    const params = eks?.params ?? Object.fromEntries(form);
    const attempt = /attempt=(\d+)/.exec(raw.headers['amz-sdk-request'] ?? '')?.[1];
    const info: RequestInfo = {
      service,
      op,
      region: auth?.region ?? '',
      params,
      ...(attempt === undefined ? {} : { attempt: Number(attempt) }),
    };

    const verified = verifySigV4(raw, { now: clock.now(), lookup: (id) => keys.get(id) });
    if (!verified.ok) return reject(info, verifyError(verified.reason, protocol));
    const region = world.regions.find((r) => r.id === info.region);
    if (region?.enabled !== true) {
      return reject(info, faultError('region_disabled', protocol, { arn: '', permission: '' }));
    }

    let api: Api | undefined;
    let handler: Handler | undefined;
    if (protocol === 'rest-json') {
      handler = eksHandler(op);
      if (handler === undefined) {
        return reject(
          info,
          new AwsApiError(
            404,
            'UnknownOperationException',
            `No route for ${raw.method} ${raw.path}`,
          ),
        );
      }
    } else {
      api = QUERY_APIS[service]?.[version];
      if (api === undefined) {
        return reject(
          info,
          new AwsApiError(
            400,
            'InvalidAction',
            `Could not find operation ${op} for version ${version}`,
          ),
        );
      }
      handler = api.handler(op);
      if (handler === undefined) {
        return reject(
          info,
          new AwsApiError(
            400,
            'InvalidAction',
            `The action ${op} is not valid for this web service.`,
          ),
        );
      }
    }
    const run = handler;
    const namespace = api?.namespace ?? '';
    const pageToken = params['NextToken'] ?? params['Marker'] ?? params['nextToken'];
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: pageToken !== undefined && pageToken !== '',
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          const call: AwsCall = {
            protocol,
            service,
            action: op,
            region: info.region,
            params,
            world,
            res: world.resources(info.region),
            accountId: world.accountId,
            requestId,
            pageLimit: opts.pageLimit,
            tokens,
            repeatToken,
            principal: verified.principal,
            clock,
            issueCredentials,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': CONTENT_TYPE[protocol], 'x-amzn-requestid': requestId },
              body: run(call),
            };
          } catch (err) {
            if (err instanceof AwsApiError) return renderError(protocol, namespace, err, requestId);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'aws',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply => {
      if (kind === 'bad_gateway') return BAD_GATEWAY;
      const protocol = protocolOf(info.service);
      const who = { arn: staticPrincipal.arn, permission: `${info.service}:${info.op}` };
      return renderError(
        protocol,
        namespaceOf(info.service),
        faultError(kind, protocol, who),
        nextRequestId(),
      );
    },
    malformed: (info: RequestInfo): Reply => {
      const protocol = protocolOf(info.service);
      const body =
        protocol === 'rest-json'
          ? '{"clusters": ["unterminated'
          : `<?xml version="1.0" encoding="UTF-8"?>\n<${info.op}Response><requestId>x</requestId><nextToken></requestId></${info.op}Response>`;
      return { status: 200, headers: { 'content-type': CONTENT_TYPE[protocol] }, body };
    },
  };
}
