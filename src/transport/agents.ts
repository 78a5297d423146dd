/**
 * How every cloud SDK and the push reach the network (issue 10.6): TLS always verified against the system
 * roots plus an optional private CA (`--ca-file` / `ca_file`; there is no switch to turn verification off),
 * and proxies from the standard environment variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case too).
 *
 * One transport per process, configured by the CLI from the config and the environment (`setTransport`);
 * adapters ask it for an agent per endpoint URL (`transport().agentFor(url)`) or, for fetch-based clients,
 * for an undici dispatcher. Without configuration: direct connections, system roots, no proxy.
 */
import { Agent as HttpAgent } from 'node:http';
import type { Agent, ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Dispatcher } from 'undici';
import { EnvHttpProxyAgent } from 'undici';

type Env = Readonly<Record<string, string | undefined>>;

export interface TransportOptions {
  /** PEM text of private CAs trusted in addition to the system roots. */
  readonly ca?: string | undefined;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from (the CLI passes the process environment). */
  readonly env?: Env | undefined;
}

export interface Transport {
  /** The CA list every TLS connection verifies against (system roots + private CA), or undefined: defaults. */
  readonly ca: readonly string[] | undefined;
  /** The proxy URL a request to `url` goes through, if any. */
  proxyFor(url: string): string | undefined;
  /** A keep-alive `http.Agent` for requests to `url`: direct, or through the proxy; TLS verified with `ca`. */
  agentFor(url: string): Agent;
  /** An undici dispatcher for `fetch`: the same proxies and CA. */
  dispatcher(): Dispatcher;
}

function envValue(env: Env, name: string): string | undefined {
  const v = env[name.toUpperCase()] ?? env[name.toLowerCase()];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/**
 * True when NO_PROXY exempts `url`: `*`; a host equal to an entry; a subdomain of an entry (with or without
 * a leading dot); an entry with a port only for that port. IP addresses compare literally.
 */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || defaultPort(url.protocol);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = m?.[2];
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy for `url` from the environment (HTTPS_PROXY for https, HTTP_PROXY for http), NO_PROXY applied. */
export function proxyFromEnv(url: string, env: Env): string | undefined {
  const target = new URL(url);
  if (bypassesProxy(target, envValue(env, 'no_proxy'))) return undefined;
  return target.protocol === 'https:' ? envValue(env, 'https_proxy') : envValue(env, 'http_proxy');
}

/**
 * An HTTPS-over-CONNECT agent whose TLS to the target trusts `ca`. https-proxy-agent resets the agent's own
 * options, so the CA must be added to each connection's options (verification itself is never relaxed).
 */
export class VerifyingProxyAgent extends HttpsProxyAgent<string> {
  readonly #ca: readonly string[] | undefined;
  constructor(proxy: string, ca: readonly string[] | undefined) {
    super(proxy, { keepAlive: true });
    this.#ca = ca;
  }
  override connect(
    req: ClientRequest,
    opts: Parameters<HttpsProxyAgent<string>['connect']>[1],
  ): ReturnType<HttpsProxyAgent<string>['connect']> {
    const verified = { ...opts, rejectUnauthorized: true } as typeof opts;
    return super.connect(
      req,
      this.#ca === undefined ? verified : ({ ...verified, ca: [...this.#ca] } as typeof opts),
    );
  }
}

/**
 * The direct HTTPS agent: TLS verified whatever a request asks. Some SDKs turn verification off per request
 * (@baiducloud/sdk 1.0.7 sets `rejectUnauthorized = false` on every request); through this agent they cannot.
 */
export class VerifyingHttpsAgent extends HttpsAgent {
  override createConnection(
    options: Parameters<HttpsAgent['createConnection']>[0],
    callback?: Parameters<HttpsAgent['createConnection']>[1],
  ): ReturnType<HttpsAgent['createConnection']> {
    return super.createConnection({ ...options, rejectUnauthorized: true }, callback);
  }
}

export function createTransport(opts: TransportOptions = {}): Transport {
  const env = opts.env ?? {};
  const ca = opts.ca === undefined ? undefined : [...rootCertificates, opts.ca];
  const tls = ca === undefined ? {} : { ca };
  const direct = {
    http: new HttpAgent({ keepAlive: true }),
    https: new VerifyingHttpsAgent({ keepAlive: true, ...tls }),
  };
  const proxied = new Map<string, Agent>();
  let undiciAgent: Dispatcher | undefined;
  const proxyFor = (url: string): string | undefined => proxyFromEnv(url, env);
  return {
    ca,
    proxyFor,
    agentFor(url) {
      const secure = new URL(url).protocol === 'https:';
      const proxy = proxyFor(url);
      if (proxy === undefined) return secure ? direct.https : direct.http;
      const key = `${secure ? 's' : ''}|${proxy}`;
      let agent = proxied.get(key);
      if (agent === undefined) {
        agent = secure
          ? new VerifyingProxyAgent(proxy, ca)
          : new HttpProxyAgent(proxy, { keepAlive: true });
        proxied.set(key, agent);
      }
      return agent;
    },
    dispatcher() {
      const httpsProxy = envValue(env, 'https_proxy');
      const httpProxy = envValue(env, 'http_proxy');
      const noProxy = envValue(env, 'no_proxy');
      // Explicit values, '' for none: undici would otherwise read process.env itself.
      undiciAgent ??= new EnvHttpProxyAgent({
        httpsProxy: httpsProxy ?? '',
        httpProxy: httpProxy ?? '',
        noProxy: noProxy ?? '',
        ...(ca === undefined ? {} : { connect: { ca }, requestTls: { ca } }),
      });
      return undiciAgent;
    },
  };
}

let current: Transport | undefined;

/** Sets the process's transport (the CLI, once the config is read). */
export function setTransport(t: Transport): void {
  current = t;
}

/** The process's transport; by default direct connections with the system roots and no proxy. */
export function transport(): Transport {
  current ??= createTransport();
  return current;
}
