/**
 * `deepflow-cloud check` probes: every operation the fetchers declare, called once with the smallest page
 * size the API accepts. Per-item operations use a real item of the region when there is one, else a
 * placeholder id: IAM evaluates the action before the resource lookup, so the service's not-found answer
 * proves the permission (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * EC2 DryRun is not used: a one-page list proves the same permission without it.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import { DeepflowCloudError } from '../../errors/errors.js';
import type { Operation, OperationProbe, ProbeContext, ProbeResult } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall } from './client.js';
import { awsOperation } from './common.js';
import { ec2Sdk, eksSdk, elasticacheSdk, elbSdk, elbv2Sdk, rdsSdk } from './sdk.js';

const {
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewaysCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} = ec2Sdk;
const { DescribeClusterCommand, ListClustersCommand } = eksSdk;
const {
  DescribeInstanceHealthCommand,
  DescribeLoadBalancersCommand: DescribeClassicLoadBalancersCommand,
} = elbSdk;
const {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} = elbv2Sdk;
const {
  DescribeCacheClustersCommand,
  DescribeCacheSubnetGroupsCommand,
  DescribeReplicationGroupsCommand,
  DescribeServerlessCachesCommand,
} = elasticacheSdk;
const { DescribeDBInstancesCommand } = rdsSdk;

type Ctx = ProbeContext<AwsSession>;

/** The smallest page each API accepts: EC2 `MaxResults` 5, RDS/ElastiCache `MaxRecords` 20, ELB/EKS 1. */
const EC2_MIN = 5;
const RECORDS_MIN = 20;

/** A name no real resource has; a made-up id must still be well-formed, or the API answers ValidationError. */
const PLACEHOLDER = 'deepflow-cloud-check';

const PAGE: ProbeResult = { via: 'page' };

/** An EC2 Describe call with the smallest page (or no paging). */
function ec2Probe(
  action: string,
  send: (ec2: EC2Client, signal: AbortSignal) => Promise<unknown>,
): [string, OperationProbe<AwsSession>] {
  return [
    `ec2:${action}`,
    {
      method: 'page',
      run: async (ctx, op) => {
        const ec2 = ctx.session.clients.ec2(ctx.region);
        await awsCall(ctx, op, ctx.region, (signal) => send(ec2, signal));
        return PAGE;
      },
    },
  ];
}

/** A page probe of any service. */
function pageProbe(
  send: (ctx: Ctx, signal: AbortSignal) => Promise<unknown>,
): OperationProbe<AwsSession> {
  return {
    method: 'page',
    run: async (ctx, op) => {
      await awsCall(ctx, op, ctx.region, (signal) => send(ctx, signal));
      return PAGE;
    },
  };
}

/**
 * A per-item probe: `lookup` finds a real item (its own failure, e.g. denied, just means "use the
 * placeholder": that operation has its own row); `call` is then made, and a not-found answer in `notFound`
 * proves the permission.
 */
function itemProbe(
  notFound: ReadonlySet<string>,
  lookup: (ctx: Ctx) => Promise<string | undefined>,
  placeholder: (ctx: Ctx) => string,
  call: (ctx: Ctx, id: string, signal: AbortSignal) => Promise<unknown>,
): OperationProbe<AwsSession> {
  return {
    method: 'item',
    run: async (ctx, op) => {
      let real: string | undefined;
      try {
        real = await lookup(ctx);
      } catch (e) {
        if (!(e instanceof DeepflowCloudError) || e.kind === 'aborted') throw e;
      }
      const id = real ?? placeholder(ctx);
      try {
        await awsCall(ctx, op, ctx.region, (signal) => call(ctx, id, signal));
        return { via: real === undefined ? 'placeholder' : 'item' };
      } catch (e) {
        const code = e instanceof DeepflowCloudError ? e.providerCode : undefined;
        if (code !== undefined && notFound.has(code)) return { via: 'placeholder', code };
        throw e;
      }
    },
  };
}

const ELB = 'elasticloadbalancing';
const CLASSIC = '2012-06-01';
const ELB_LOAD_BALANCERS = awsOperation(ELB, 'DescribeLoadBalancers', false);
const ELB_TARGET_GROUPS = awsOperation(ELB, 'DescribeTargetGroups', false);
const CLASSIC_LOAD_BALANCERS: Operation = { ...ELB_LOAD_BALANCERS, version: CLASSIC };
const EKS_LIST_CLUSTERS = awsOperation('eks', 'ListClusters', false);

/** The SDK names the error by its exception class; the wire carries the bare code. Both are accepted. */
const LB_NOT_FOUND = new Set([
  'LoadBalancerNotFound',
  'LoadBalancerNotFoundException',
  'AccessPointNotFound',
  'AccessPointNotFoundException',
]);
const TG_NOT_FOUND = new Set(['TargetGroupNotFound', 'TargetGroupNotFoundException']);
const EKS_NOT_FOUND = new Set(['ResourceNotFoundException', 'NotFoundException']);

function elbArn(ctx: Ctx, resource: string): string {
  const { partition, accountId } = ctx.session;
  return `arn:${partition}:${ELB}:${ctx.region}:${accountId}:${resource}/${PLACEHOLDER}/0000000000000000`;
}

export const awsProbes: Readonly<Record<string, OperationProbe<AwsSession>>> = Object.fromEntries([
  ec2Probe('DescribeAvailabilityZones', (ec2, s) =>
    ec2.send(new DescribeAvailabilityZonesCommand({}), { abortSignal: s }),
  ),
  ec2Probe('DescribeVpcs', (ec2, s) =>
    ec2.send(new DescribeVpcsCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeSubnets', (ec2, s) =>
    ec2.send(new DescribeSubnetsCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeInstances', (ec2, s) =>
    ec2.send(new DescribeInstancesCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeNetworkInterfaces', (ec2, s) =>
    ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeAddresses', (ec2, s) =>
    ec2.send(new DescribeAddressesCommand({}), { abortSignal: s }),
  ),
  ec2Probe('DescribeSecurityGroups', (ec2, s) =>
    ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeRouteTables', (ec2, s) =>
    ec2.send(new DescribeRouteTablesCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeNatGateways', (ec2, s) =>
    ec2.send(new DescribeNatGatewaysCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeVpcPeeringConnections', (ec2, s) =>
    ec2.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: EC2_MIN }), {
      abortSignal: s,
    }),
  ),
  ec2Probe('DescribeTransitGateways', (ec2, s) =>
    ec2.send(new DescribeTransitGatewaysCommand({ MaxResults: EC2_MIN }), { abortSignal: s }),
  ),
  ec2Probe('DescribeTransitGatewayAttachments', (ec2, s) =>
    ec2.send(new DescribeTransitGatewayAttachmentsCommand({ MaxResults: EC2_MIN }), {
      abortSignal: s,
    }),
  ),
  [
    `${ELB}:DescribeLoadBalancers`,
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elbv2(ctx.region)
        .send(new DescribeLoadBalancersCommand({ PageSize: 1 }), { abortSignal: s }),
    ),
  ],
  [
    `${ELB}:DescribeTargetGroups`,
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elbv2(ctx.region)
        .send(new DescribeTargetGroupsCommand({ PageSize: 1 }), { abortSignal: s }),
    ),
  ],
  [
    `${ELB}:DescribeListeners`,
    itemProbe(
      LB_NOT_FOUND,
      async (ctx) => {
        const out = await awsCall(ctx, ELB_LOAD_BALANCERS, ctx.region, (s) =>
          ctx.session.clients
            .elbv2(ctx.region)
            .send(new DescribeLoadBalancersCommand({ PageSize: 1 }), { abortSignal: s }),
        );
        return out.LoadBalancers?.[0]?.LoadBalancerArn;
      },
      (ctx) => elbArn(ctx, 'loadbalancer/app'),
      (ctx, LoadBalancerArn, s) =>
        ctx.session.clients
          .elbv2(ctx.region)
          .send(new DescribeListenersCommand({ LoadBalancerArn, PageSize: 1 }), { abortSignal: s }),
    ),
  ],
  [
    `${ELB}:DescribeTargetHealth`,
    itemProbe(
      TG_NOT_FOUND,
      async (ctx) => {
        const out = await awsCall(ctx, ELB_TARGET_GROUPS, ctx.region, (s) =>
          ctx.session.clients
            .elbv2(ctx.region)
            .send(new DescribeTargetGroupsCommand({ PageSize: 1 }), { abortSignal: s }),
        );
        return out.TargetGroups?.[0]?.TargetGroupArn;
      },
      (ctx) => elbArn(ctx, 'targetgroup'),
      (ctx, TargetGroupArn, s) =>
        ctx.session.clients
          .elbv2(ctx.region)
          .send(new DescribeTargetHealthCommand({ TargetGroupArn }), { abortSignal: s }),
    ),
  ],
  [
    `${ELB}:DescribeLoadBalancers@${CLASSIC}`,
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elb(ctx.region)
        .send(new DescribeClassicLoadBalancersCommand({ PageSize: 1 }), { abortSignal: s }),
    ),
  ],
  [
    `${ELB}:DescribeInstanceHealth@${CLASSIC}`,
    itemProbe(
      LB_NOT_FOUND,
      async (ctx) => {
        const out = await awsCall(ctx, CLASSIC_LOAD_BALANCERS, ctx.region, (s) =>
          ctx.session.clients
            .elb(ctx.region)
            .send(new DescribeClassicLoadBalancersCommand({ PageSize: 1 }), { abortSignal: s }),
        );
        return out.LoadBalancerDescriptions?.[0]?.LoadBalancerName;
      },
      () => PLACEHOLDER,
      (ctx, LoadBalancerName, s) =>
        ctx.session.clients
          .elb(ctx.region)
          .send(new DescribeInstanceHealthCommand({ LoadBalancerName }), { abortSignal: s }),
    ),
  ],
  [
    'rds:DescribeDBInstances',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .rds(ctx.region)
        .send(new DescribeDBInstancesCommand({ MaxRecords: RECORDS_MIN }), { abortSignal: s }),
    ),
  ],
  [
    'elasticache:DescribeCacheSubnetGroups',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elasticache(ctx.region)
        .send(new DescribeCacheSubnetGroupsCommand({ MaxRecords: RECORDS_MIN }), {
          abortSignal: s,
        }),
    ),
  ],
  [
    'elasticache:DescribeCacheClusters',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elasticache(ctx.region)
        .send(new DescribeCacheClustersCommand({ MaxRecords: RECORDS_MIN }), { abortSignal: s }),
    ),
  ],
  [
    'elasticache:DescribeReplicationGroups',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elasticache(ctx.region)
        .send(new DescribeReplicationGroupsCommand({ MaxRecords: RECORDS_MIN }), {
          abortSignal: s,
        }),
    ),
  ],
  [
    'elasticache:DescribeServerlessCaches',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .elasticache(ctx.region)
        .send(new DescribeServerlessCachesCommand({ MaxResults: 1 }), { abortSignal: s }),
    ),
  ],
  [
    'eks:ListClusters',
    pageProbe((ctx, s) =>
      ctx.session.clients
        .eks(ctx.region)
        .send(new ListClustersCommand({ maxResults: 1 }), { abortSignal: s }),
    ),
  ],
  [
    'eks:DescribeCluster',
    itemProbe(
      EKS_NOT_FOUND,
      async (ctx) => {
        const out = await awsCall(ctx, EKS_LIST_CLUSTERS, ctx.region, (s) =>
          ctx.session.clients
            .eks(ctx.region)
            .send(new ListClustersCommand({ maxResults: 1 }), { abortSignal: s }),
        );
        return out.clusters?.[0];
      },
      () => PLACEHOLDER,
      (ctx, name, s) =>
        ctx.session.clients
          .eks(ctx.region)
          .send(new DescribeClusterCommand({ name }), { abortSignal: s }),
    ),
  ],
]);
