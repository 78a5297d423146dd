/** Helpers shared by the AWS kind files. Pure: no I/O, no clock. */
import type { MapContext, ProviderName, ResourceKind } from '../../model/index.js';
import { nameOrId, refId, resourceId, tagsFrom, toIsoUtc } from '../../model/index.js';
import type { Operation } from '../types.js';

/** Endpoint service codes (keys of `endpoints` in the config) and IAM action prefixes. */
export type AwsService = 'ec2' | 'rds' | 'elasticache' | 'elasticloadbalancing' | 'eks' | 'sts';

/** An operation whose IAM permission is `<service>:<action>`. */
export function awsOperation(service: AwsService, action: string, required: boolean): Operation {
  return { service, action, required, permission: `${service}:${action}` };
}

/** `service:Action`, as errors and metrics name an operation. */
export function operationName(op: Operation): string {
  return `${op.service}:${op.action}`;
}

/** The string, or undefined when it is missing or empty. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** An AWS tag, whichever SDK it comes from. */
export interface AwsTag {
  readonly Key?: string | undefined;
  readonly Value?: string | undefined;
}

export function awsTags(tags: readonly AwsTag[] | undefined): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => t.Key,
    (t) => t.Value,
  );
}

/** The `Name` tag, else the fallback (usually the native id). */
export function nameFromTags(tags: readonly AwsTag[] | undefined, fallback: string): string {
  return nameOrId(tags?.find((t) => t.Key === 'Name')?.Value, fallback);
}

/** `arn:<partition>:<service>::<account>:...` → partition and account. */
export function parseArn(arn: string | undefined): {
  partition?: string | undefined;
  account?: string | undefined;
} {
  const parts = (arn ?? '').split(':');
  if (parts[0] !== 'arn') return {};
  return { partition: nonEmpty(parts[1]), account: nonEmpty(parts[4]) };
}

/** The partition of a region, for ARNs we derive (`arn:<partition>:...`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  return 'aws';
}

/** A reference to a zone record (native id = zone name). */
export function zoneRef(ctx: MapContext, zoneName: string | undefined): string | undefined {
  return refId(ctx, 'zone', zoneName);
}

/** References for a list of native ids, without duplicates. */
export function refIds(
  ctx: MapContext,
  kind: ResourceKind,
  nativeIds: readonly (string | undefined)[],
): string[] {
  const out: string[] = [];
  for (const nativeId of nativeIds) {
    if (!nativeId) continue;
    const id = resourceId(ctx, kind, nativeId);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

type OptionalKeys<T> = { [K in keyof T]: undefined extends T[K] ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/** The object without its undefined values, typed so that those keys become optional. */
export type Defined<T> = { [K in RequiredKeys<T>]: T[K] } & {
  [K in OptionalKeys<T>]?: Exclude<T[K], undefined>;
};

/** Drops undefined values, so optional fields are omitted rather than set to undefined. */
export function defined<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Defined<T>;
}

/** Fields every record has. */
export interface BaseFields {
  id: string;
  native_id: string;
  name: string;
  provider: ProviderName;
  account: string;
  region: string;
  tags: Record<string, string>;
  created_at?: string;
}

export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: Date | string,
): BaseFields {
  const created = toIsoUtc(createdAt);
  return {
    id: resourceId(ctx, kind, nativeId),
    native_id: nativeId,
    name,
    provider: ctx.provider,
    account: ctx.account,
    region: ctx.region,
    tags,
    ...(created === undefined ? {} : { created_at: created }),
  };
}
