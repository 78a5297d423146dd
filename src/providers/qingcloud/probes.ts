/**
 * `deepflow-cloud check` probes: every list operation the fetchers declare, called once with `limit=1` in the
 * probed region. QingCloud checks the IAM action before reading any filter, so the one smallest page proves
 * the permission, per-listener DescribeLoadBalancerBackends included (asked without a listener).
 */
import type { OperationProbe, ProbeResult } from '../types.js';
import { operationKey } from '../types.js';
import type { QingcloudSession } from './client.js';
import { qingcloudOperation } from './common.js';
import type { QingcloudParams } from './sign.js';

const PAGE: ProbeResult = { via: 'page' };

function pageProbe(params: QingcloudParams = {}): OperationProbe<QingcloudSession> {
  return {
    method: 'page',
    run: async (ctx, op) => {
      await ctx.session.client.request(ctx, op, ctx.region, { ...params, offset: 0, limit: 1 });
      return PAGE;
    },
  };
}

const PROBED: readonly (readonly [string, boolean, QingcloudParams?])[] = [
  ['DescribeRouters', true],
  ['DescribeVxnets', true],
  ['DescribeInstances', true],
  ['DescribeNics', true],
  ['DescribeEips', false],
  ['DescribeSecurityGroups', false],
  ['DescribeSecurityGroupRules', false],
  ['DescribeRouteTables', false],
  ['DescribeNFVs', false, { nfv_type: 1 }],
  ['DescribeLoadBalancers', false],
  ['DescribeLoadBalancerListeners', false],
  ['DescribeLoadBalancerBackends', false],
  ['DescribeRDBs', false],
  ['DescribeCaches', false],
  ['DescribeClusters', false, { service: 'qke' }],
];

/** Keyed by `operationKey` (`iaas:DescribeInstances`). DescribeZones is `connect`'s own call. */
export const qingcloudProbes: Readonly<Record<string, OperationProbe<QingcloudSession>>> =
  Object.fromEntries(
    PROBED.map(([action, required, params]) => [
      operationKey(qingcloudOperation(action, required)),
      pageProbe(params),
    ]),
  );
