/**
 * What `deepflow-cloud providers` prints: per provider, its kinds, operations (required/optional, permission,
 * how `check` probes it), credential variables and endpoint service codes, all read from the adapters.
 */
import type { ProviderName, ResourceKind } from '../model/index.js';
import { registry } from '../providers/registry.js';
import { SPECS } from '../providers/specs.js';
import { operationKey } from '../providers/types.js';
import { loadAdapter } from '../sync/account.js';
import { kindsOf } from '../sync/plan.js';

/** How `check` exercises an operation. */
export type ProbeMethod = 'connect' | 'page' | 'item' | 'fetch';

export interface OperationInfo {
  readonly kind: ResourceKind | 'account';
  readonly service: string;
  readonly action: string;
  readonly version?: string;
  readonly required: boolean;
  readonly permission: string;
  readonly probe: ProbeMethod;
}

export interface CredentialInfo {
  readonly key: string;
  readonly env?: string;
  readonly required: boolean;
  readonly secret: boolean;
}

export interface ProviderInfo {
  readonly name: ProviderName;
  /** False while the provider's adapter has not landed. */
  readonly available: boolean;
  readonly credentials: readonly CredentialInfo[];
  readonly services: readonly string[];
  readonly kinds: readonly ResourceKind[];
  readonly operations: readonly OperationInfo[];
}

export const PROVIDER_NAMES = Object.keys(registry) as ProviderName[];

interface Parser {
  safeParse?: (v: unknown) => { success: boolean };
}

/** The keys of a zod object schema, each with whether it may be left out. */
function credentialShape(schema: unknown): Map<string, boolean> {
  const shape = (schema as { shape?: Record<string, Parser> } | undefined)?.shape ?? {};
  return new Map(
    Object.entries(shape).map(([k, v]) => [k, v.safeParse?.(undefined).success !== true]),
  );
}

async function infoOf(name: ProviderName): Promise<ProviderInfo> {
  const spec = SPECS[name];
  if (registry[name] === null || spec === undefined) {
    return { name, available: false, credentials: [], services: [], kinds: [], operations: [] };
  }
  const adapter = await loadAdapter(name);
  const shape = credentialShape(spec.credentials);
  const keys = [...shape.keys()];
  for (const k of Object.keys(spec.credentialEnv)) if (!keys.includes(k)) keys.push(k);
  const operations: OperationInfo[] = adapter.accountOperations.map((op) => ({
    kind: 'account' as const,
    service: op.service,
    action: op.action,
    ...(op.version === undefined ? {} : { version: op.version }),
    required: op.required,
    permission: op.permission,
    probe: 'connect' as const,
  }));
  const seen = new Set(operations.map((o) => operationKey(o)));
  const kinds: ResourceKind[] = [];
  for (const f of adapter.fetchers) {
    for (const k of kindsOf(f)) if (!kinds.includes(k)) kinds.push(k);
    for (const op of f.operations) {
      const key = operationKey(op);
      if (seen.has(key)) continue;
      seen.add(key);
      operations.push({
        kind: f.kind,
        service: op.service,
        action: op.action,
        ...(op.version === undefined ? {} : { version: op.version }),
        required: op.required,
        permission: op.permission,
        probe: adapter.probes?.[key]?.method ?? 'fetch',
      });
    }
  }
  return {
    name,
    available: true,
    credentials: keys.map((key) => {
      const env = spec.credentialEnv[key];
      return {
        key,
        ...(env === undefined ? {} : { env }),
        required: shape.get(key) ?? false,
        secret: spec.secretKeys.includes(key),
      };
    }),
    services: [...spec.services],
    kinds,
    operations,
  };
}

/** Every provider, landed or not, in registry order. */
export async function providerCatalog(): Promise<ProviderInfo[]> {
  const out: ProviderInfo[] = [];
  for (const name of PROVIDER_NAMES) out.push(await infoOf(name));
  return out;
}

/** The distinct permissions to grant, sorted (the input of every policy file). */
export function permissionsOf(info: ProviderInfo): string[] {
  return [...new Set(info.operations.map((o) => o.permission))].sort();
}
