import { ProviderError } from '../../errors/errors.js';
import { registerSecret } from '../../log/logger.js';
import type {
  AccountContext,
  ProviderAdapter,
  RateLimit,
  RegionInfo,
  ResourceFetcher,
} from '../types.js';
import type { AwsKeys, AwsSession } from './client.js';
import { AwsClients, awsCall } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { awsOperation, parseArn, partitionOf } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { awsProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { AwsCredentials } from './spec.js';
import { AWS_KNOWN_REGIONS, awsSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import { zoneFetcher } from './zone.js';
import { ec2Sdk, stsSdk } from './sdk.js';

const { DescribeRegionsCommand } = ec2Sdk;
const { AssumeRoleCommand, GetCallerIdentityCommand } = stsSdk;

export type { AwsSession } from './client.js';

const GET_CALLER_IDENTITY = awsOperation('sts', 'GetCallerIdentity', true);
/** Only called when the account sets `role_arn`. */
const ASSUME_ROLE = awsOperation('sts', 'AssumeRole', false);
const DESCRIBE_REGIONS = awsOperation('ec2', 'DescribeRegions', true);

/** Temporary credentials last this long; a sync is expected to finish well within it. */
const ROLE_SESSION_SECONDS = 3600;
const ROLE_SESSION_NAME = 'deepflow-cloud';

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'us-east-1';
}

function keysOf(creds: AwsCredentials): AwsKeys {
  const { access_key_id: accessKeyId, secret_access_key: secretAccessKey } = creds;
  return creds.session_token === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken: creds.session_token };
}

async function connect(creds: AwsCredentials, ctx: AccountContext): Promise<AwsSession> {
  const region = defaultRegion(ctx);
  const clients = new AwsClients(ctx, keysOf(creds));
  const identity = await awsCall(ctx, GET_CALLER_IDENTITY, region, (signal) =>
    clients.sts(region).send(new GetCallerIdentityCommand({}), { abortSignal: signal }),
  );
  const caller = parseArn(identity.Arn);
  if (creds.role_arn === undefined) {
    const accountId = identity.Account ?? caller.account;
    if (!accountId) {
      throw new ProviderError('GetCallerIdentity returned no account id', {
        provider: 'aws',
        region,
        operation: 'sts:GetCallerIdentity',
      });
    }
    const partition = caller.partition ?? partitionOf(region);
    return { accountId, partition, defaultRegion: region, clients };
  }
  const RoleArn = creds.role_arn;
  const assumed = await awsCall(ctx, ASSUME_ROLE, region, (signal) =>
    clients.sts(region).send(
      new AssumeRoleCommand({
        RoleArn,
        RoleSessionName: ROLE_SESSION_NAME,
        DurationSeconds: ROLE_SESSION_SECONDS,
      }),
      { abortSignal: signal },
    ),
  );
  const temp = assumed.Credentials;
  const role = parseArn(assumed.AssumedRoleUser?.Arn ?? RoleArn);
  if (!temp?.AccessKeyId || !temp.SecretAccessKey || !role.account) {
    throw new ProviderError('AssumeRole returned no credentials', {
      provider: 'aws',
      region,
      operation: 'sts:AssumeRole',
    });
  }
  registerSecret(temp.SecretAccessKey);
  registerSecret(temp.SessionToken);
  clients.destroy();
  const roleKeys: AwsKeys = {
    accessKeyId: temp.AccessKeyId,
    secretAccessKey: temp.SecretAccessKey,
    ...(temp.SessionToken === undefined ? {} : { sessionToken: temp.SessionToken }),
  };
  return {
    accountId: role.account,
    partition: role.partition ?? partitionOf(region),
    defaultRegion: region,
    clients: new AwsClients(ctx, roleKeys),
  };
}

const LOCAL_NAMES = new Map(AWS_KNOWN_REGIONS.map((r) => [r.id, r.localName]));

async function listRegions(session: AwsSession, ctx: AccountContext): Promise<RegionInfo[]> {
  const region = session.defaultRegion;
  // AllRegions lists the opt-in regions that are disabled too, so they can be reported as such.
  const out = await awsCall(ctx, DESCRIBE_REGIONS, region, (signal) =>
    session.clients
      .ec2(region)
      .send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: signal }),
  );
  const regions: RegionInfo[] = [];
  for (const r of out.Regions ?? []) {
    if (!r.RegionName) continue;
    regions.push({
      id: r.RegionName,
      localName: LOCAL_NAMES.get(r.RegionName),
      enabled: r.OptInStatus !== 'not-opted-in',
      endpoint: r.Endpoint,
    });
  }
  return regions;
}

const fetchers: readonly ResourceFetcher<AwsSession>[] = [
  zoneFetcher,
  vpcFetcher,
  subnetFetcher,
  vmFetcher,
  networkInterfaceFetcher,
  publicIpFetcher,
  securityGroupFetcher,
  routeTableFetcher,
  natGatewayFetcher,
  loadBalancerFetcher,
  rdsInstanceFetcher,
  redisInstanceFetcher,
  peeringConnectionFetcher,
  cloudNetworkFetcher,
  kubernetesClusterFetcher,
];

/**
 * EC2's published request-rate limits: each non-mutating (Describe*) API has its own token bucket per account
 * and region, 100 requests deep, refilled at 20 per second
 * (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html).
 */
const RATE_LIMITS: readonly RateLimit[] = [
  { service: 'ec2', bucket: 'region-operation', perSecond: 20, burst: 100 },
];

export const adapter: ProviderAdapter<AwsCredentials, AwsSession> = {
  name: 'aws',
  spec: awsSpec,
  retries: 'sdk',
  accountOperations: [GET_CALLER_IDENTITY, ASSUME_ROLE, DESCRIBE_REGIONS],
  connect,
  accountId: (session) => session.accountId,
  listRegions,
  fetchers,
  probes: awsProbes,
  classify: classifyError,
  rateLimits: RATE_LIMITS,
};
