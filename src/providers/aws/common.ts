/** Helpers shared by the AWS kind files. Pure: no I/O, no clock. */
import { nameOrId, tagsFrom } from '../../model/index.js';
import type { Operation } from '../types.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

/** Endpoint service codes (keys of `endpoints` in the config) and IAM action prefixes. */
export type AwsService = 'ec2' | 'rds' | 'elasticache' | 'elasticloadbalancing' | 'eks' | 'sts';

/** An operation whose IAM permission is `<service>:<action>`. */
export function awsOperation(service: AwsService, action: string, required: boolean): Operation {
  return { service, action, required, permission: `${service}:${action}` };
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

// Shared by every provider's mappers; they live in the model so that no provider copies them.
export { baseFields, defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';
