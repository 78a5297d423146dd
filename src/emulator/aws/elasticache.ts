/** ElastiCache (awsQuery 2015-02-02): replication groups, cache clusters, subnet groups, serverless caches. */
import type {
  RedisCache,
  RedisNode,
  ServerlessCache,
  SubnetGroup,
} from '../world-types-services.js';
import { actionTable, lookup, paginate, type AwsCall, type PageSpec } from './call.js';
import { AwsApiError } from './errors.js';
import { arn, cacheHost, token, regionCode } from './names.js';
import { el, list, node, queryResponse, scalars } from './xml.js';

export const ELASTICACHE_VERSION = '2015-02-02';
export const ELASTICACHE_NAMESPACE = `http://elasticache.amazonaws.com/doc/${ELASTICACHE_VERSION}/`;

const PAGE: PageSpec = { sizeParam: 'MaxRecords', tokenParam: 'Marker', min: 20, max: 100 };
const SERVERLESS_PAGE: PageSpec = {
  sizeParam: 'MaxResults',
  tokenParam: 'NextToken',
  min: 1,
  max: 100,
};

function respond(call: AwsCall, result: string): string {
  return queryResponse(call.action, ELASTICACHE_NAMESPACE, call.requestId, result);
}

function endpoint(call: AwsCall, name: string, infix: string, port: number): string {
  return el('Address', cacheHost(call.region, call.accountId, name, infix)) + el('Port', port);
}

function selectOne<T>(
  all: readonly T[],
  id: string | undefined,
  idOf: (t: T) => string,
  notFound: () => AwsApiError,
): readonly T[] {
  if (id === undefined) return all;
  const found = all.filter((t) => idOf(t) === id);
  if (found.length === 0) throw notFound();
  return found;
}

function renderGroup(call: AwsCall, c: RedisCache): string {
  const cluster = c.mode === 'cluster';
  const members = c.shards.flatMap((s) => s.nodes);
  const slots = (i: number): string => {
    const size = Math.floor(16384 / c.shards.length);
    return `${i * size}-${i === c.shards.length - 1 ? 16383 : (i + 1) * size - 1}`;
  };
  return [
    el('ReplicationGroupId', c.id),
    el('Description', c.description),
    el('Status', c.status),
    '<PendingModifiedValues/>',
    scalars(
      'MemberClusters',
      members.map((n) => n.clusterId),
      'ClusterId',
    ),
    list(
      'NodeGroups',
      c.shards,
      (shard) =>
        [
          el('NodeGroupId', shard.id),
          el('Status', 'available'),
          cluster ? '' : node('PrimaryEndpoint', endpoint(call, c.id, `ng.${shard.id}`, c.port)),
          cluster
            ? ''
            : node('ReaderEndpoint', endpoint(call, `${c.id}-ro`, `ng.${shard.id}`, c.port)),
          cluster ? el('Slots', slots(c.shards.indexOf(shard))) : '',
          list(
            'NodeGroupMembers',
            shard.nodes,
            (n) =>
              [
                el('CacheClusterId', n.clusterId),
                el('CacheNodeId', n.nodeId),
                cluster ? '' : node('ReadEndpoint', endpoint(call, n.clusterId, n.nodeId, c.port)),
                el('PreferredAvailabilityZone', n.zone),
                cluster ? '' : el('CurrentRole', n.role),
              ].join(''),
            'NodeGroupMember',
          ),
        ].join(''),
      'NodeGroup',
    ),
    el('AutomaticFailover', members.length > 1 ? 'enabled' : 'disabled'),
    el('MultiAZ', members.length > 1 ? 'enabled' : 'disabled'),
    cluster ? node('ConfigurationEndpoint', endpoint(call, c.id, 'clustercfg', c.port)) : '',
    el('SnapshotRetentionLimit', 1),
    el('ClusterEnabled', cluster),
    el('CacheNodeType', c.nodeType),
    el('AuthTokenEnabled', false),
    el('TransitEncryptionEnabled', false),
    el('AtRestEncryptionEnabled', true),
    el('ARN', arn(call.region, call.accountId, 'elasticache', `replicationgroup:${c.id}`)),
    el('ReplicationGroupCreateTime', c.createdAt),
    el('DataTiering', 'disabled'),
    el('AutoMinorVersionUpgrade', true),
    el('NetworkType', 'ipv4'),
    el('IpDiscovery', 'ipv4'),
    el('ClusterMode', cluster ? 'enabled' : 'disabled'),
    el('Engine', 'redis'),
  ].join('');
}

function describeReplicationGroups(call: AwsCall): string {
  const id = call.params['ReplicationGroupId'];
  const groups = selectOne(
    call.res.redisCaches.filter((c) => c.mode !== 'standalone'),
    id,
    (c) => c.id,
    () =>
      new AwsApiError(
        404,
        'ReplicationGroupNotFoundFault',
        `ReplicationGroup ${id ?? ''} not found.`,
      ),
  );
  const { items, next } = paginate(call, groups, PAGE, id ?? '');
  const result = list('ReplicationGroups', items, (c) => renderGroup(call, c), 'ReplicationGroup');
  return respond(call, result + el('Marker', next));
}

function renderCacheCluster(call: AwsCall, c: RedisCache, n: RedisNode, nodes: boolean): string {
  return [
    el('CacheClusterId', n.clusterId),
    el(
      'ClientDownloadLandingPage',
      'https://console.aws.amazon.com/elasticache/home#client-download:',
    ),
    el('CacheNodeType', c.nodeType),
    el('Engine', 'redis'),
    el('EngineVersion', c.engineVersion),
    el('CacheClusterStatus', 'available'),
    el('NumCacheNodes', 1),
    el('PreferredAvailabilityZone', n.zone),
    el('CacheClusterCreateTime', c.createdAt),
    el('PreferredMaintenanceWindow', 'sun:06:00-sun:07:00'),
    '<PendingModifiedValues/><CacheSecurityGroups/>',
    node(
      'CacheParameterGroup',
      el(
        'CacheParameterGroupName',
        c.mode === 'cluster' ? 'default.redis7.cluster.on' : 'default.redis7',
      ),
      el('ParameterApplyStatus', 'in-sync'),
      '<CacheNodeIdsToReboot/>',
    ),
    el('CacheSubnetGroupName', c.subnetGroup),
    nodes
      ? list(
          'CacheNodes',
          [n],
          (x) =>
            [
              el('CacheNodeId', x.nodeId),
              el('CacheNodeStatus', 'available'),
              el('CacheNodeCreateTime', c.createdAt),
              node('Endpoint', endpoint(call, x.clusterId, x.nodeId, c.port)),
              el('ParameterGroupStatus', 'in-sync'),
              el('CustomerAvailabilityZone', x.zone),
            ].join(''),
          'CacheNode',
        )
      : '',
    el('AutoMinorVersionUpgrade', true),
    list(
      'SecurityGroups',
      c.securityGroupIds,
      (g) => el('SecurityGroupId', g) + el('Status', 'active'),
      'member',
    ),
    el('ReplicationGroupId', c.mode === 'standalone' ? undefined : c.id),
    el('SnapshotRetentionLimit', 0),
    el('AuthTokenEnabled', false),
    el('TransitEncryptionEnabled', false),
    el('AtRestEncryptionEnabled', c.mode !== 'standalone'),
    el('ARN', arn(call.region, call.accountId, 'elasticache', `cluster:${n.clusterId}`)),
    el('ReplicationGroupLogDeliveryEnabled', false),
    el('NetworkType', 'ipv4'),
    el('IpDiscovery', 'ipv4'),
  ].join('');
}

function describeCacheClusters(call: AwsCall): string {
  const id = call.params['CacheClusterId'];
  const loose = call.params['ShowCacheClustersNotInReplicationGroups'] === 'true';
  const all = call.res.redisCaches
    .filter((c) => !loose || c.mode === 'standalone')
    .flatMap((c) => c.shards.flatMap((s) => s.nodes.map((n) => ({ c, n }))));
  const selected = selectOne(
    all,
    id,
    (x) => x.n.clusterId,
    () => new AwsApiError(404, 'CacheClusterNotFound', `CacheCluster not found: ${id ?? ''}`),
  );
  const { items, next } = paginate(call, selected, PAGE, `${id ?? ''}|${String(loose)}`);
  const nodes = call.params['ShowCacheNodeInfo'] === 'true';
  const result = list(
    'CacheClusters',
    items,
    ({ c, n }) => renderCacheCluster(call, c, n, nodes),
    'CacheCluster',
  );
  return respond(call, result + el('Marker', next));
}

function describeCacheSubnetGroups(call: AwsCall): string {
  const name = call.params['CacheSubnetGroupName'];
  const groups = selectOne(
    call.res.subnetGroups.filter((g) => g.purpose === 'redis'),
    name,
    (g) => g.name,
    () =>
      new AwsApiError(
        400,
        'CacheSubnetGroupNotFoundFault',
        `Cache subnet group ${name ?? ''} not found.`,
      ),
  );
  const { items, next } = paginate(call, groups, PAGE, name ?? '');
  const subnets = lookup(call).subnets;
  const render = (g: SubnetGroup): string =>
    [
      el('CacheSubnetGroupName', g.name),
      el('CacheSubnetGroupDescription', g.description),
      el('VpcId', g.vpcId),
      list(
        'Subnets',
        g.subnetIds,
        (id) =>
          el('SubnetIdentifier', id) +
          node('SubnetAvailabilityZone', el('Name', subnets.get(id)?.zone)) +
          scalars('SupportedNetworkTypes', ['ipv4']),
        'Subnet',
      ),
      el('ARN', arn(call.region, call.accountId, 'elasticache', `subnetgroup:${g.name}`)),
      scalars('SupportedNetworkTypes', ['ipv4']),
    ].join('');
  return respond(
    call,
    list('CacheSubnetGroups', items, render, 'CacheSubnetGroup') + el('Marker', next),
  );
}

function describeServerlessCaches(call: AwsCall): string {
  const name = call.params['ServerlessCacheName'];
  const caches = selectOne(
    call.res.serverlessCaches,
    name,
    (c) => c.name,
    () =>
      new AwsApiError(
        404,
        'ServerlessCacheNotFoundFault',
        `Serverless cache ${name ?? ''} not found.`,
      ),
  );
  const { items, next } = paginate(call, caches, SERVERLESS_PAGE, name ?? '');
  const render = (c: ServerlessCache): string => {
    const host = (suffix: string): string =>
      `${c.name}${suffix}-${token(6, call.accountId, call.region, 'serverless')}.serverless.${regionCode(call.region)}.cache.amazonaws.com`;
    return [
      el('ServerlessCacheName', c.name),
      el('Description', `serverless cache ${c.name}`),
      el('CreateTime', c.createdAt),
      el('Status', c.status),
      el('Engine', 'redis'),
      el('MajorEngineVersion', c.engineVersion.split('.')[0]),
      el('FullEngineVersion', c.engineVersion),
      scalars('SecurityGroupIds', c.securityGroupIds, 'SecurityGroupId'),
      node('Endpoint', el('Address', host('')), el('Port', c.port)),
      node('ReaderEndpoint', el('Address', host('')), el('Port', c.port + 1)),
      el('ARN', arn(call.region, call.accountId, 'elasticache', `serverlesscache:${c.name}`)),
      scalars('SubnetIds', c.subnetIds, 'SubnetId'),
      el('SnapshotRetentionLimit', 0),
      el('NetworkType', 'ipv4'),
    ].join('');
  };
  return respond(call, list('ServerlessCaches', items, render, 'member') + el('NextToken', next));
}

export const elasticacheHandler = actionTable({
  DescribeReplicationGroups: [
    describeReplicationGroups,
    ['MaxRecords', 'Marker', 'ReplicationGroupId'],
  ],
  DescribeCacheClusters: [
    describeCacheClusters,
    [
      'MaxRecords',
      'Marker',
      'CacheClusterId',
      'ShowCacheNodeInfo',
      'ShowCacheClustersNotInReplicationGroups',
    ],
  ],
  DescribeCacheSubnetGroups: [
    describeCacheSubnetGroups,
    ['MaxRecords', 'Marker', 'CacheSubnetGroupName'],
  ],
  DescribeServerlessCaches: [
    describeServerlessCaches,
    ['MaxResults', 'NextToken', 'ServerlessCacheName'],
  ],
});
