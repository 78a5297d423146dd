import type { ProviderName, ResourceKind } from '../model/index.js';
import type { RetryPolicy } from '../transport/retry.js';
import type { OutputFormat, PushKind } from './schema.js';

/** One account, validated, its `${ENV}` and `{file}` references resolved. Credentials never printed. */
export interface ResolvedAccount {
  readonly name: string;
  readonly provider: ProviderName;
  /** Resolved values, checked against the provider's credentials schema; secret ones are registered. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Region rules, `[]` when absent (see src/regions/filter.ts). */
  readonly regions: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  /** Where each region list came from, for error messages: `accounts[0].regions.include` or `--regions`. */
  readonly regionsPath: { readonly include: string; readonly exclude: string };
  /** Kinds to sync; `undefined` means every kind the provider has. */
  readonly resources: readonly ResourceKind[] | undefined;
  /** Service code → base URL (`{region}` to be substituted). */
  readonly endpoints: Readonly<Record<string, string>>;
  /** In-flight requests for this account (default 64). */
  readonly concurrency: number;
  /** The provider's options (aws `default_region`), validated, defaults applied. */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ResolvedOutput {
  /** Absolute (or as given) file path; `undefined` means stdout. */
  readonly file: string | undefined;
  readonly format: OutputFormat;
}

export interface ResolvedPush {
  readonly url: string;
  readonly kind: PushKind;
  /** DeepFlow organization (`X-Org-Id`); 1 unless set. */
  readonly orgId: number;
  readonly domainUuid: string | undefined;
  /** Bearer token (resolved, registered as a secret); from DEEPFLOW_CLOUD_PUSH_TOKEN when not configured. */
  readonly token: string | undefined;
}

/** Everything a run needs from the config file (or the environment) and the flags. */
export interface ResolvedConfig {
  readonly accounts: readonly ResolvedAccount[];
  readonly output: ResolvedOutput;
  readonly push: ResolvedPush | undefined;
  readonly stateDir: string | undefined;
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  /** PEM file of private CAs trusted for every cloud API and the push (`ca_file`); TLS is always verified. */
  readonly caFile?: string | undefined;
}
