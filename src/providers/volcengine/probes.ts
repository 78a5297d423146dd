/**
 * `deepflow-cloud check` probes: every list operation the fetchers declare, called once with the smallest
 * page; per-item operations with a placeholder id, whose not-found answer proves the permission (IAM
 * authorises the action before the resource lookup).
 */
import { DeepflowCloudError } from '../../errors/errors.js';
import type { Operation, OperationProbe, ProbeContext } from '../types.js';
import { operationKey } from '../types.js';
import type { Params, VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import { zoneFetcher } from './zone.js';

type Ctx = ProbeContext<VolcengineSession>;

/** A made-up id no real resource has. */
const PLACEHOLDER = 'deepflow-cloud-check';

/** Volcengine's not-found answers: `InvalidSecurityGroup.NotFound`, `ResourceNotFound`, ... */
export function isNotFoundCode(code: string | undefined): boolean {
  return code !== undefined && /NotFound|NotExist/i.test(code);
}

function regionOf(ctx: Ctx, op: Operation): string {
  return op.service === 'cen' ? ctx.session.defaultRegion : ctx.region;
}

/** The id parameter of each per-item operation. */
const ITEM_PARAM: Readonly<Record<string, string>> = {
  DescribeSecurityGroupAttributes: 'SecurityGroupId',
  DescribeRouteEntryList: 'RouteTableId',
  DescribeListeners: 'LoadBalancerId',
  DescribeServerGroupAttributes: 'ServerGroupId',
  DescribeDBInstanceDetail: 'InstanceId',
  DescribeCenAttachedInstances: 'CenId',
};

/** Token-paged lists take `MaxResults`; the others `PageNumber`/`PageSize`. */
const TOKEN_PAGED = new Set(['DescribeInstances', 'DescribeVpcs', 'DescribeSubnets']);

function probeFor(op: Operation): OperationProbe<VolcengineSession> {
  const param = ITEM_PARAM[op.action];
  if (param === undefined) {
    const params: Params =
      op.action === 'DescribeZones'
        ? {}
        : TOKEN_PAGED.has(op.action)
          ? { MaxResults: 1 }
          : { PageNumber: 1, PageSize: 1 };
    return {
      method: 'page',
      run: async (ctx) => {
        await volcRequest(ctx, ctx.session.clients, op, regionOf(ctx, op), params);
        return { via: 'page' };
      },
    };
  }
  return {
    method: 'item',
    run: async (ctx) => {
      try {
        await volcRequest(ctx, ctx.session.clients, op, regionOf(ctx, op), {
          [param]: PLACEHOLDER,
        });
        return { via: 'item' };
      } catch (e) {
        const code = e instanceof DeepflowCloudError ? e.providerCode : undefined;
        if (isNotFoundCode(code)) return { via: 'placeholder', ...(code ? { code } : {}) };
        throw e;
      }
    },
  };
}

const FETCHERS = [
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
  cloudNetworkFetcher,
  kubernetesClusterFetcher,
];

/** A probe for every operation the fetchers declare, keyed by `operationKey`. */
export const volcengineProbes: Readonly<Record<string, OperationProbe<VolcengineSession>>> =
  Object.fromEntries(
    FETCHERS.flatMap((f) => f.operations).map((op) => [operationKey(op), probeFor(op)]),
  );
