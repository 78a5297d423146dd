import { resolve as resolvePath } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { SPECS } from '../providers/specs.js';
import type { ProviderSpec } from '../providers/types.js';
import { DEFAULT_RETRY_POLICY } from '../transport/retry.js';
import type { RetryPolicy } from '../transport/retry.js';
import { DEFAULT_ORG_ID, DEFAULT_REQUEST_TIMEOUT_MS, PUSH_TOKEN_ENV } from './defaults.js';
import { parseDuration } from './duration.js';
import { configErrorMap, issuesToConfigError } from './issues.js';
import { optionKeys } from './schema.js';
import type { AccountInput, ConfigFile } from './schema.js';
import { resolveRef } from './secret-ref.js';
import type { RefDeps } from './secret-ref.js';
import type { ResolvedAccount, ResolvedConfig, ResolvedPush } from './types.js';

/** Secrets met while resolving: registered for redaction, scrubbed from errors, checked for literals. */
export interface SecretLedger {
  readonly values: string[];
  /** Config paths of secrets written literally in the file. */
  readonly literalPaths: string[];
}

export function specFor(provider: string, path: string): ProviderSpec {
  const spec = (SPECS as Partial<Record<string, ProviderSpec>>)[provider];
  if (!spec) throw new ConfigError(path, `provider '${provider}' is not available in this version`);
  return spec;
}

/** Checks resolved credential values against the provider's own schema (e.g. non-empty). */
export function checkCredentials(
  spec: ProviderSpec,
  creds: Record<string, string>,
  path: string,
): void {
  const checked = spec.credentials.safeParse(creds, { error: configErrorMap });
  if (!checked.success) throw issuesToConfigError(checked.error.issues, path);
}

function uniqueInOrder<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Duplicate account names are an error naming both indexes. */
export function checkUniqueNames(names: readonly string[], where: (i: number) => string): void {
  const seen = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new ConfigError(where(i), `duplicate account name '${name}' (also ${where(first)})`);
    }
    seen.set(name, i);
  }
}

async function resolveAccount(
  input: AccountInput,
  index: number,
  deps: RefDeps,
  ledger: SecretLedger,
): Promise<ResolvedAccount> {
  const base = `accounts[${index}]`;
  const spec = specFor(input.provider, `${base}.provider`);
  const credentials: Record<string, string> = {};
  for (const [key, ref] of Object.entries(input.credentials)) {
    const path = `${base}.credentials.${key}`;
    const { value, literal } = await resolveRef(ref, path, deps);
    credentials[key] = value;
    if (spec.secretKeys.includes(key)) {
      ledger.values.push(value);
      if (literal) ledger.literalPaths.push(path);
    } else if (spec.redactKeys?.includes(key)) {
      ledger.values.push(value);
    }
  }
  checkCredentials(spec, credentials, `${base}.credentials`);
  const options = Object.fromEntries(
    optionKeys(spec)
      .map((k) => [k, input[k]] as const)
      .filter(([, v]) => v !== undefined),
  );
  const endpoints = Object.fromEntries(
    Object.entries(input.endpoints ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return {
    name: input.name,
    provider: input.provider,
    credentials,
    regions: { include: input.regions?.include ?? [], exclude: input.regions?.exclude ?? [] },
    regionsPath: { include: `${base}.regions.include`, exclude: `${base}.regions.exclude` },
    resources: input.resources ? uniqueInOrder(input.resources) : undefined,
    endpoints,
    concurrency: input.concurrency,
    options,
  };
}

function resolveRetry(retry: ConfigFile['retry']): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY };
  if (!retry) return policy;
  if (retry.max_attempts !== undefined) policy.maxAttempts = retry.max_attempts;
  if (retry.base_delay !== undefined)
    policy.baseDelayMs = parseDuration(retry.base_delay, 'retry.base_delay');
  if (retry.max_delay !== undefined)
    policy.maxDelayMs = parseDuration(retry.max_delay, 'retry.max_delay');
  if (
    retry.base_delay !== undefined &&
    retry.max_delay !== undefined &&
    policy.baseDelayMs > policy.maxDelayMs
  ) {
    throw new ConfigError(
      'retry.base_delay',
      `must not exceed retry.max_delay (${retry.max_delay})`,
    );
  }
  return policy;
}

/** The push target; the token falls back to DEEPFLOW_CLOUD_PUSH_TOKEN. */
export async function resolvePush(
  push: ConfigFile['push'],
  deps: RefDeps,
  ledger: SecretLedger,
): Promise<ResolvedPush | undefined> {
  if (!push) return undefined;
  let token: string | undefined;
  if (push.token !== undefined) {
    const r = await resolveRef(push.token, 'push.token', deps);
    if (r.literal) ledger.literalPaths.push('push.token');
    token = r.value;
  } else {
    const fromEnv = deps.env[PUSH_TOKEN_ENV];
    token = fromEnv === '' ? undefined : fromEnv;
  }
  if (token !== undefined) ledger.values.push(token);
  return {
    url: push.url,
    kind: push.kind,
    orgId: push.org_id ?? DEFAULT_ORG_ID,
    domainUuid: push.domain_uuid,
    token,
  };
}

/** Turns a validated config file into what a run needs; paths are relative to `deps.baseDir`. */
export async function resolveConfigFile(
  file: ConfigFile,
  deps: RefDeps,
  ledger: SecretLedger,
): Promise<ResolvedConfig> {
  checkUniqueNames(
    file.accounts.map((a) => a.name),
    (i) => `accounts[${i}].name`,
  );
  const accounts: ResolvedAccount[] = [];
  for (const [i, a] of file.accounts.entries())
    accounts.push(await resolveAccount(a, i, deps, ledger));
  const outFile = file.output?.file;
  return {
    accounts,
    output: {
      file:
        outFile === undefined || outFile === '-' ? undefined : resolvePath(deps.baseDir, outFile),
      format: file.output?.format ?? 'json',
    },
    push: await resolvePush(file.push, deps, ledger),
    stateDir: file.state_dir === undefined ? undefined : resolvePath(deps.baseDir, file.state_dir),
    requestTimeoutMs:
      file.request_timeout === undefined
        ? DEFAULT_REQUEST_TIMEOUT_MS
        : parseDuration(file.request_timeout, 'request_timeout'),
    retry: resolveRetry(file.retry),
    ...(file.ca_file === undefined ? {} : { caFile: resolvePath(deps.baseDir, file.ca_file) }),
  };
}
