/**
 * The AWS SDK clients, loaded with `require` (../require-sdk.ts: half the start-up of `import`). Files of the
 * adapter take their command classes from these modules; types come from `import type`.
 */
import type * as Ec2 from '@aws-sdk/client-ec2';
import type * as Eks from '@aws-sdk/client-eks';
import type * as Elb from '@aws-sdk/client-elastic-load-balancing';
import type * as ElbV2 from '@aws-sdk/client-elastic-load-balancing-v2';
import type * as ElastiCache from '@aws-sdk/client-elasticache';
import type * as Rds from '@aws-sdk/client-rds';
import type * as Sts from '@aws-sdk/client-sts';
import { requireSdk } from '../require-sdk.js';

export const ec2Sdk = requireSdk('@aws-sdk/client-ec2') as typeof Ec2;
export const eksSdk = requireSdk('@aws-sdk/client-eks') as typeof Eks;
export const elbSdk = requireSdk('@aws-sdk/client-elastic-load-balancing') as typeof Elb;
export const elbv2Sdk = requireSdk('@aws-sdk/client-elastic-load-balancing-v2') as typeof ElbV2;
export const elasticacheSdk = requireSdk('@aws-sdk/client-elasticache') as typeof ElastiCache;
export const rdsSdk = requireSdk('@aws-sdk/client-rds') as typeof Rds;
export const stsSdk = requireSdk('@aws-sdk/client-sts') as typeof Sts;
