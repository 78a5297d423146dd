/**
 * Where a product is reached and how: the real host (or a private one), and the agent the SDK sends through
 * (the process's transport: private CA, HTTPS_PROXY / NO_PROXY; an address override dialled directly).
 */
import type { Agent, ClientRequest } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import type { Transport } from '../../transport/agents.js';
import { transport, VerifyingProxyAgent } from '../../transport/agents.js';
import type { TencentService } from './spec.js';

/** The real API host of a product; finance regions (`-fsi`) have their own. */
export function apiHost(service: TencentService, region: string): string {
  return region.endsWith('-fsi')
    ? `${service}.${region}.tencentcloudapi.com`
    : `${service}.tencentcloudapi.com`;
}

/** Where a product is reached: the real host over https, or an override. */
export interface Target {
  /** Host name the SDK signs (the credential scope's service is its first label). */
  readonly host: string;
  readonly protocol: 'https://' | 'http://';
  /** Dial this address instead of resolving `host` (a local emulator or a private gateway by IP). */
  readonly dial?: { readonly host: string; readonly port: number };
}

const LOCAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|localhost)$/i;

/**
 * `endpoints[service]` (`{region}` substituted) or the real host. An override by IP address keeps the real
 * host name, so the signed host and the credential scope's service (`cvm`) stay right, and dials the address;
 * an override by name (a private endpoint) is used as the host.
 */
export function targetFor(
  endpoints: Readonly<Record<string, string>>,
  service: TencentService,
  region: string,
): Target {
  const base = endpoints[service];
  if (base === undefined) return { host: apiHost(service, region), protocol: 'https://' };
  const url = new URL(base.replaceAll('{region}', region));
  const protocol = url.protocol === 'http:' ? 'http://' : 'https://';
  if (!LOCAL.test(url.hostname)) return { host: url.host, protocol };
  const port = Number(url.port || (protocol === 'http://' ? 80 : 443));
  return {
    host: apiHost(service, region),
    protocol,
    dial: { host: url.hostname.replace(/^\[|\]$/g, ''), port },
  };
}

/**
 * The SDK's fetch (node-fetch 2) never notices a connection closed in the middle of a body with a length and
 * would wait for the attempt's timeout: the request is failed at once instead (ECONNRESET, retried).
 */
function failIncompleteBodies(req: ClientRequest): void {
  req.once('response', (res) => {
    res.once('close', () => {
      // The request is already destroyed by then; its error listener (node-fetch's) fails the body.
      if (!res.complete && req.listenerCount('error') > 0) {
        req.emit(
          'error',
          Object.assign(new Error('connection closed mid-body'), { code: 'ECONNRESET' }),
        );
      }
    });
  });
}

/** TLS options for a dialled address: the process's CA; the certificate is checked against the address. */
function dialTls(dial: { host: string; port: number }, ca: readonly string[] | undefined) {
  return {
    host: dial.host,
    port: dial.port,
    servername: isIP(dial.host) === 0 ? dial.host : undefined,
    ...(ca === undefined ? {} : { ca: [...ca] }),
  };
}

/** A CONNECT-proxy agent that tunnels to the dialled address instead of the URL's host. */
class DialProxyAgent extends VerifyingProxyAgent {
  readonly #dial: { host: string; port: number };
  readonly #ca: readonly string[] | undefined;
  constructor(
    proxy: string,
    ca: readonly string[] | undefined,
    dial: { host: string; port: number },
  ) {
    super(proxy, ca);
    this.#ca = ca;
    this.#dial = dial;
  }
  override connect(
    req: ClientRequest,
    opts: Parameters<VerifyingProxyAgent['connect']>[1],
  ): ReturnType<VerifyingProxyAgent['connect']> {
    return super.connect(req, { ...opts, ...dialTls(this.#dial, this.#ca) });
  }
}

/** A keep-alive agent that connects to the override's address, through the process's proxy and CA. */
function makeDialAgent(t: Transport, target: Target, dial: { host: string; port: number }): Agent {
  if (target.protocol === 'http://') {
    const agent = new HttpAgent({ keepAlive: true });
    const connect = agent.createConnection.bind(agent);
    agent.createConnection = (opts, cb) =>
      connect({ ...opts, host: dial.host, port: dial.port }, cb);
    return agent;
  }
  const proxy = t.proxyFor(`https://${dial.host}:${dial.port}/`);
  if (proxy !== undefined) return new DialProxyAgent(proxy, t.ca, dial);
  const agent = new HttpsAgent({ keepAlive: true });
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (opts, cb) => connect({ ...opts, ...dialTls(dial, t.ca) }, cb);
  return agent;
}

const dialAgents = new WeakMap<Transport, Map<string, Agent>>();

/** The agent for a target under the process's current transport (private CA, HTTPS_PROXY / NO_PROXY). */
function agentFor(target: Target): Agent {
  const t = transport();
  const dial = target.dial;
  if (dial === undefined) return t.agentFor(`${target.protocol}${target.host}/`);
  let agents = dialAgents.get(t);
  if (agents === undefined) {
    agents = new Map();
    dialAgents.set(t, agents);
  }
  const key = `${target.protocol}${dial.host}:${dial.port}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = makeDialAgent(t, target, dial);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * What the SDK is given: an agent that resolves the real one at each request (the transport may change
 * between runs) and fails a body cut short at once.
 */
export function sdkAgent(target: Target): Agent {
  return new Proxy(new HttpAgent(), {
    get(_dummy, key) {
      const inner = agentFor(target) as Agent & {
        addRequest(req: ClientRequest, options: unknown): void;
      };
      if (key === 'addRequest') {
        return (req: ClientRequest, options: unknown) => {
          failIncompleteBodies(req);
          inner.addRequest(req, options);
        };
      }
      const value: unknown = Reflect.get(inner, key, inner);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(inner)
        : value;
    },
  });
}
