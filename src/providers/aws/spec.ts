import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/** AWS static credentials; `role_arn` is assumed with STS after the keys authenticate. */
export const AwsCredentialsSchema = z
  .object({
    access_key_id: z.string().min(1),
    secret_access_key: z.string().min(1),
    session_token: z.string().min(1).optional(),
    role_arn: z.string().min(1).optional(),
  })
  .strict();
export type AwsCredentials = z.infer<typeof AwsCredentialsSchema>;

export const AwsOptionsSchema = z
  .object({
    /** Where DescribeRegions and STS are asked; `cn-north-1` reaches AWS China. */
    default_region: z.string().min(1).default('us-east-1'),
  })
  .strict();

/** Regions AWS documents, for suggestions and as the fallback when DescribeRegions is denied. */
export const AWS_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'us-east-1', localName: 'US East (N. Virginia)' },
  { id: 'us-east-2', localName: 'US East (Ohio)' },
  { id: 'us-west-1', localName: 'US West (N. California)' },
  { id: 'us-west-2', localName: 'US West (Oregon)' },
  { id: 'af-south-1', localName: 'Africa (Cape Town)' },
  { id: 'ap-east-1', localName: 'Asia Pacific (Hong Kong)' },
  { id: 'ap-east-2', localName: 'Asia Pacific (Taipei)' },
  { id: 'ap-south-1', localName: 'Asia Pacific (Mumbai)' },
  { id: 'ap-south-2', localName: 'Asia Pacific (Hyderabad)' },
  { id: 'ap-southeast-1', localName: 'Asia Pacific (Singapore)' },
  { id: 'ap-southeast-2', localName: 'Asia Pacific (Sydney)' },
  { id: 'ap-southeast-3', localName: 'Asia Pacific (Jakarta)' },
  { id: 'ap-southeast-4', localName: 'Asia Pacific (Melbourne)' },
  { id: 'ap-southeast-5', localName: 'Asia Pacific (Malaysia)' },
  { id: 'ap-southeast-7', localName: 'Asia Pacific (Thailand)' },
  { id: 'ap-northeast-1', localName: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', localName: 'Asia Pacific (Seoul)' },
  { id: 'ap-northeast-3', localName: 'Asia Pacific (Osaka)' },
  { id: 'ca-central-1', localName: 'Canada (Central)' },
  { id: 'ca-west-1', localName: 'Canada West (Calgary)' },
  { id: 'eu-central-1', localName: 'Europe (Frankfurt)' },
  { id: 'eu-central-2', localName: 'Europe (Zurich)' },
  { id: 'eu-west-1', localName: 'Europe (Ireland)' },
  { id: 'eu-west-2', localName: 'Europe (London)' },
  { id: 'eu-west-3', localName: 'Europe (Paris)' },
  { id: 'eu-south-1', localName: 'Europe (Milan)' },
  { id: 'eu-south-2', localName: 'Europe (Spain)' },
  { id: 'eu-north-1', localName: 'Europe (Stockholm)' },
  { id: 'il-central-1', localName: 'Israel (Tel Aviv)' },
  { id: 'me-south-1', localName: 'Middle East (Bahrain)' },
  { id: 'me-central-1', localName: 'Middle East (UAE)' },
  { id: 'mx-central-1', localName: 'Mexico (Central)' },
  { id: 'sa-east-1', localName: 'South America (São Paulo)' },
  { id: 'cn-north-1', localName: 'China (Beijing)' },
  { id: 'cn-northwest-1', localName: 'China (Ningxia)' },
  { id: 'us-gov-east-1', localName: 'AWS GovCloud (US-East)' },
  { id: 'us-gov-west-1', localName: 'AWS GovCloud (US-West)' },
];

export const awsSpec: ProviderSpec<AwsCredentials> = {
  name: 'aws',
  credentials: AwsCredentialsSchema,
  secretKeys: ['secret_access_key', 'session_token'],
  // The access key id is not a secret in AWS's model, but it is never printed either.
  redactKeys: ['access_key_id'],
  credentialEnv: {
    access_key_id: 'AWS_ACCESS_KEY_ID',
    secret_access_key: 'AWS_SECRET_ACCESS_KEY',
    session_token: 'AWS_SESSION_TOKEN',
    role_arn: 'AWS_ROLE_ARN',
  },
  options: AwsOptionsSchema,
  services: ['ec2', 'rds', 'elasticache', 'elasticloadbalancing', 'eks', 'sts'],
  knownRegions: AWS_KNOWN_REGIONS,
};
