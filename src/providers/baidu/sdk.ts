/**
 * The part of `@baiducloud/sdk` 1.0.7 we use, typed (the package ships `types/` but does not wire them, and
 * they do not describe `BceBaseClient`), loaded through `require` because the SDK is CommonJS.
 */
import { createRequire } from 'node:module';
import type { Agent } from 'node:http';

/** What `sendRequest` resolves with: the parsed JSON body and the response headers. */
export interface BceResponse<T> {
  readonly http_headers: Readonly<Record<string, string>>;
  readonly body: T;
}

/** What it rejects with on an HTTP error: status, BCE `code`, message, request id. */
export interface BceFailure {
  readonly status_code?: number;
  readonly code?: string;
  readonly message?: unknown;
  readonly request_id?: string;
}

export interface BceConfig {
  endpoint: string;
  credentials: { ak: string; sk: string };
  protocol: 'http' | 'https';
}

export interface BceRequestArgs {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly body?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The options `HttpClient._doRequest` passes to `http(s).request` (a parsed URL plus method and headers). */
export interface BceRequestOptions {
  protocol?: string | null;
  agent?: Agent;
}

/** A `ClientRequest`, as far as aborting it goes. */
export interface BceClientRequest {
  destroy(error?: Error): void;
}

export interface BceHttpClient {
  _req: BceClientRequest | null;
  _doRequest(
    options: BceRequestOptions,
    body: unknown,
    outputStream: unknown,
  ): PromiseLike<unknown>;
  sendRequest<T>(
    method: string,
    path: string,
    body: string | null | undefined,
    headers: Record<string, string>,
    params: Readonly<Record<string, string | number>>,
    sign: unknown,
    outputStream: null,
  ): PromiseLike<BceResponse<T>>;
}

export interface BceBaseClient {
  config: BceConfig;
  createSignature: unknown;
}

export interface BceSdk {
  readonly version: string;
  readonly BceBaseClient: new (
    config: BceConfig,
    serviceId: string,
    regionSupported: boolean,
  ) => BceBaseClient;
  readonly HttpClient: new (config: BceConfig) => BceHttpClient;
}

interface Debug {
  disable(): string;
  enable(namespaces: string): void;
}

const require = createRequire(import.meta.url);

/** The SDK, with its `debug` logging (which prints the signing key at `DEBUG=bce-sdk:*`) switched off. */
export const sdk = require('@baiducloud/sdk') as BceSdk;

const debug = createRequire(require.resolve('@baiducloud/sdk'))('debug') as Debug;
const enabled = debug.disable();
debug.enable([enabled, '-bce-sdk:*'].filter((s) => s !== '').join(','));
