import { z } from 'zod';
import { PROVIDER_NAMES, RESOURCE_KINDS } from '../model/index.js';
import type { ProviderName, ResourceKind } from '../model/index.js';
import { SPECS } from '../providers/specs.js';
import type { ProviderSpec } from '../providers/types.js';
import { closestMatches, quoteList } from '../regions/suggest.js';
import { DEFAULT_CONCURRENCY, PUSH_TOKEN_ENV } from './defaults.js';
import { isEchoable } from './issues.js';
import { DURATION_HINT, DURATION_PATTERN, tryParseDuration } from './duration.js';

/** Unknown-key message: one key gets a "did you mean", every message lists the valid keys. */
function unknownKeysMessage(
  keys: readonly string[],
  valid: readonly string[],
  noun: string,
): string {
  const list = `(valid: ${valid.length > 0 ? valid.join(', ') : 'none'})`;
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    const [guess] = closestMatches(only, valid, 1);
    return guess ? `unknown ${noun}, did you mean '${guess}'? ${list}` : `unknown ${noun} ${list}`;
  }
  const shown = keys.map((k) => (isEchoable(k) ? k : '<long key>'));
  return `unknown ${noun}s ${quoteList(shown, 'and')} ${list}`;
}

/** A `.strict()` object whose unknown keys are reported with the valid ones (typos must not pass). */
function strictObject<S extends z.ZodRawShape>(
  shape: S,
  noun = 'key',
): z.ZodObject<S, z.core.$strict> {
  const valid = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? unknownKeysMessage(iss.keys, valid, noun) : undefined,
  });
}

/** True for an http(s) URL, `{region}` placeholders allowed. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text.replaceAll('{region}', 'region'))) return false;
  const { protocol } = new URL(text.replaceAll('{region}', 'region'));
  return protocol === 'http:' || protocol === 'https:';
}

/** An http(s) URL; `{region}` may appear anywhere and is substituted per region. */
export const HttpUrlSchema = z
  .string()
  .refine(isHttpUrl, { error: 'must be an http:// or https:// URL' })
  .meta({ format: 'uri-template' });

/** A duration string such as `30s`. */
export const DurationSchema = z
  .string()
  .regex(new RegExp(DURATION_PATTERN), {
    error: `must be a duration: ${DURATION_HINT}`,
    abort: true,
  })
  .refine((s) => (tryParseDuration(s) ?? 0) > 0, { error: 'must be longer than 0' });

/** A secret-capable value: a literal, a string with `${ENV_VAR}` references, or `{file: path}`. */
export const SecretRefSchema = z
  .union([z.string(), z.strictObject({ file: z.string().min(1) })], {
    error: (iss) =>
      iss.input === undefined
        ? 'is required'
        : 'must be a string (literal or ${ENV_VAR}) or {file: path}',
  })
  .meta({
    id: 'secret_ref',
    description:
      'A literal, a string with ${ENV_VAR} references ($${ for a literal ${), or {file: path} (relative to the config file; trailing newlines trimmed). Never printed.',
  });
export type SecretRef = z.infer<typeof SecretRefSchema>;

/** Account names go into every record id (`aws/<name>/...`). */
export const AccountNameSchema = z.string().regex(/^[A-Za-z0-9._-]+$/, {
  error: "must be non-empty and use only letters, digits, '.', '_' and '-'",
});

export const RegionRulesSchema = strictObject({
  include: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'Region ids, localized names, or globs (* and ?) on ids. Non-empty: sync exactly these (include wins over exclude).',
    ),
  exclude: z
    .array(z.string().min(1))
    .optional()
    .describe('Same patterns; with no include, every enabled region except these.'),
}).describe('Which regions to sync; a pattern that matches no region is an error.');

const ResourceKindInputSchema = z.enum(RESOURCE_KINDS, {
  error: (iss) => {
    const got = isEchoable(iss.input) ? iss.input : undefined;
    const [guess] = got === undefined ? [] : closestMatches(got, RESOURCE_KINDS, 1);
    const hint = guess ? `, did you mean '${guess}'?` : '';
    const what = got === undefined ? 'unknown resource kind' : `unknown resource kind '${got}'`;
    return `${what}${hint} (valid: ${RESOURCE_KINDS.join(', ')})`;
  },
});

const PROVIDER_KEYS = ['name', 'provider', 'credentials', 'regions', 'resources', 'endpoints'];

/** Account fields as validated (before `${ENV}`/`{file}` resolution); provider options sit beside them. */
export interface AccountInput {
  name: string;
  provider: ProviderName;
  credentials: Record<string, SecretRef>;
  regions?: { include?: string[] | undefined; exclude?: string[] | undefined } | undefined;
  resources?: ResourceKind[] | undefined;
  endpoints?: Record<string, string | undefined> | undefined;
  concurrency: number;
  [option: string]: unknown;
}

function shapeOf(schema: z.ZodType): z.ZodRawShape | undefined {
  return schema instanceof z.ZodObject ? schema.shape : undefined;
}

/** The provider's option keys that sit at the account's top level (aws `default_region`). */
export function optionKeys(spec: ProviderSpec): string[] {
  return Object.keys(shapeOf(spec.options) ?? {});
}

function credentialsSchema(spec: ProviderSpec): z.ZodType<Record<string, SecretRef>> {
  const shape = shapeOf(spec.credentials);
  if (!shape) return z.record(z.string(), SecretRefSchema);
  const refs = Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [
      k,
      z.safeParse(v, undefined).success ? SecretRefSchema.optional() : SecretRefSchema,
    ]),
  );
  return strictObject(refs, 'credential key') as z.ZodType<Record<string, SecretRef>>;
}

/** The account schema of one provider: common fields, its credentials, its endpoints, its options. */
export function accountSchemaFor(spec: ProviderSpec): z.ZodObject {
  const options = shapeOf(spec.options) ?? {};
  const clash = Object.keys(options).filter(
    (k) => PROVIDER_KEYS.includes(k) || k === 'concurrency',
  );
  if (clash.length > 0)
    throw new Error(`${spec.name} options shadow account keys: ${clash.join(', ')}`);
  const endpoints = Object.fromEntries(spec.services.map((s) => [s, HttpUrlSchema.optional()]));
  return strictObject({
    name: AccountNameSchema.describe('Unique; appears in every record id.'),
    provider: z.literal(spec.name),
    credentials: credentialsSchema(spec).describe(`${spec.name} credentials; never printed.`),
    regions: RegionRulesSchema.optional(),
    resources: z
      .array(ResourceKindInputSchema)
      .min(1)
      .optional()
      .describe('Resource kinds to sync; default: all.'),
    endpoints: strictObject(endpoints, 'service code')
      .optional()
      .describe('Service code → base URL; {region} is substituted.'),
    concurrency: z
      .int()
      .min(1)
      .max(256)
      .default(DEFAULT_CONCURRENCY)
      .describe('In-flight requests for this account.'),
    ...options,
  });
}

/** What is wrong with a provider name (`undefined` when it is available): unknown, unavailable, missing. */
export function providerProblem(value: unknown): string | undefined {
  const available = Object.keys(SPECS);
  const list = `(available: ${available.join(', ')})`;
  if (typeof value === 'string' && available.includes(value)) return undefined;
  if (value === undefined) return `is required ${list}`;
  if (!isEchoable(value)) return `must be a provider name ${list}`;
  if ((PROVIDER_NAMES as readonly string[]).includes(value)) {
    return `provider '${value}' is not available in this version ${list}`;
  }
  const [guess] = closestMatches(value, PROVIDER_NAMES, 1);
  return `unknown provider '${value}'${guess ? `, did you mean '${guess}'?` : ''} ${list}`;
}

function accountSchema(): z.ZodType<AccountInput> {
  const options = Object.values(SPECS).map(accountSchemaFor);
  const [first, ...rest] = options;
  if (!first) throw new Error('no provider spec is registered');
  return z.discriminatedUnion('provider', [first, ...rest], {
    error: (iss) => {
      // A non-object account is an `invalid_type` issue at run time, whatever the typings say.
      if ((iss.code as string) !== 'invalid_union') return undefined;
      const input = iss.input;
      const isObject = typeof input === 'object' && input !== null;
      return providerProblem(isObject ? (input as Record<string, unknown>)['provider'] : undefined);
    },
  }) as unknown as z.ZodType<AccountInput>;
}

export const OUTPUT_FORMATS = ['json', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const PUSH_KINDS = ['http', 'deepflow'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/** The config file (DESIGN §3). Unknown keys are errors at every level. */
export const ConfigFileSchema = strictObject({
  $schema: z.string().optional().describe("Editors' JSON Schema hint; ignored."),
  accounts: z.array(accountSchema()).min(1, { error: 'must list at least one account' }),
  output: strictObject({
    file: z
      .string()
      .min(1)
      .optional()
      .describe('File written atomically; - or absent: stdout. Relative to the config file.'),
    format: z.enum(OUTPUT_FORMATS).optional(),
  }).optional(),
  push: strictObject({
    url: HttpUrlSchema,
    kind: z.enum(PUSH_KINDS),
    org_id: z.int().min(1).optional().describe('DeepFlow organization (X-Org-Id); default 1.'),
    domain_uuid: z.string().min(1).optional().describe('DeepFlow domain the resources belong to.'),
    token: SecretRefSchema.optional().describe(
      `Bearer token; default: the ${PUSH_TOKEN_ENV} environment variable.`,
    ),
  }).optional(),
  ca_file: z
    .string()
    .min(1)
    .optional()
    .describe(
      'PEM file of private CAs trusted, besides the system roots, for every cloud API and the push (TLS is always verified; there is no insecure mode). Relative to the config file.',
    ),
  state_dir: z
    .string()
    .min(1)
    .optional()
    .describe('Directory of the last good sync and the run lock. Relative to the config file.'),
  request_timeout: DurationSchema.optional().describe(
    'Per-request timeout (e.g. 30s); default 30s.',
  ),
  retry: strictObject({
    max_attempts: z
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe('Attempts including the first; default 3.'),
    base_delay: DurationSchema.optional().describe('Backoff base; default 100ms.'),
    max_delay: DurationSchema.optional().describe('Longest single backoff; default 20s.'),
  })
    .optional()
    .describe('Retries of throttled and transient failures (full-jitter exponential backoff).'),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
