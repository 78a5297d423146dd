/** EKS (restJson1): GET /clusters and GET /clusters/{name}. */
import type { KubernetesCluster } from '../world-types-services.js';
import { paginate, type AwsCall, type Handler, type PageSpec } from './call.js';
import { AwsApiError } from './errors.js';
import { arn, eksEndpoint, token } from './names.js';

const PAGE: PageSpec = { sizeParam: 'maxResults', tokenParam: 'nextToken', min: 1, max: 100 };

/** The operation and parameters of an EKS REST request, or undefined if no route matches. */
export function routeEks(
  method: string,
  path: string,
  query: string,
): { op: string; params: Record<string, string> } | undefined {
  if (method !== 'GET') return undefined;
  const params = Object.fromEntries(new URLSearchParams(query));
  if (path === '/clusters' || path === '/clusters/') return { op: 'ListClusters', params };
  const m = /^\/clusters\/([^/]+)$/.exec(path);
  if (m?.[1] === undefined) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  return { op: 'DescribeCluster', params: { ...params, name } };
}

function listClusters(call: AwsCall): string {
  const { items, next } = paginate(
    call,
    call.res.kubernetesClusters,
    PAGE,
    call.params['include'] ?? '',
  );
  return JSON.stringify({
    clusters: items.map((c) => c.name),
    ...(next === undefined ? {} : { nextToken: next }),
  });
}

function renderCluster(call: AwsCall, c: KubernetesCluster): Record<string, unknown> {
  return {
    name: c.name,
    arn: arn(call.region, call.accountId, 'eks', `cluster/${c.name}`),
    createdAt: Date.parse(c.createdAt) / 1000,
    version: c.version,
    endpoint: eksEndpoint(call.region, c.id),
    roleArn: `arn:aws:iam::${call.accountId}:role/${c.name}-cluster-role`,
    resourcesVpcConfig: {
      subnetIds: c.subnetIds,
      securityGroupIds: c.securityGroupIds,
      clusterSecurityGroupId: c.securityGroupIds[0],
      vpcId: c.vpcId,
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
    logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: false }] },
    identity: {
      oidc: {
        issuer: `https://oidc.eks.${call.region}.amazonaws.com/id/${c.id}`,
      },
    },
    status: c.status.toUpperCase(),
    certificateAuthority: { data: Buffer.from(`emulated CA of ${c.name}`).toString('base64') },
    platformVersion: `eks.${Number.parseInt(token(2, c.name), 36) % 20}`,
    tags: c.tags,
  };
}

function describeCluster(call: AwsCall): string {
  const name = call.params['name'] ?? '';
  const cluster = call.res.kubernetesClusters.find((c) => c.name === name);
  if (cluster === undefined) {
    throw new AwsApiError(404, 'ResourceNotFoundException', `No cluster found for name: ${name}.`);
  }
  return JSON.stringify({ cluster: renderCluster(call, cluster) });
}

const ACTIONS: Readonly<Record<string, Handler>> = {
  ListClusters: listClusters,
  DescribeCluster: describeCluster,
};

export function eksHandler(op: string): Handler | undefined {
  return Object.hasOwn(ACTIONS, op) ? ACTIONS[op] : undefined;
}
