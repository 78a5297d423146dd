/** RDS (awsQuery 2014-10-31): DescribeDBInstances. */
import type { RdsInstance, SubnetGroup } from '../world-types-services.js';
import { actionTable, lookup, paginate, type AwsCall, type PageSpec } from './call.js';
import { AwsApiError } from './errors.js';
import { arn, rdsHost } from './names.js';
import { el, list, node, queryResponse, queryTags } from './xml.js';

export const RDS_VERSION = '2014-10-31';
export const RDS_NAMESPACE = `http://rds.amazonaws.com/doc/${RDS_VERSION}/`;

const PAGE: PageSpec = { sizeParam: 'MaxRecords', tokenParam: 'Marker', min: 20, max: 100 };

function engineName(db: RdsInstance): string {
  if (db.flavor === 'aurora') return `aurora-${db.engine}`;
  if (db.engine === 'postgresql') return 'postgres';
  if (db.engine === 'sqlserver') return 'sqlserver-se';
  return db.engine;
}

const LICENSE: Record<RdsInstance['engine'], string> = {
  mysql: 'general-public-license',
  postgresql: 'postgresql-license',
  sqlserver: 'license-included',
};

function renderSubnetGroup(call: AwsCall, group: SubnetGroup | undefined): string {
  if (group === undefined) return '';
  const subnets = lookup(call).subnets;
  return node(
    'DBSubnetGroup',
    el('DBSubnetGroupName', group.name),
    el('DBSubnetGroupDescription', group.description),
    el('VpcId', group.vpcId),
    el('SubnetGroupStatus', 'Complete'),
    list(
      'Subnets',
      group.subnetIds,
      (id) =>
        el('SubnetIdentifier', id) +
        node('SubnetAvailabilityZone', el('Name', subnets.get(id)?.zone)) +
        el('SubnetStatus', 'Active'),
      'Subnet',
    ),
  );
}

function renderInstance(call: AwsCall, db: RdsInstance): string {
  const group = call.res.subnetGroups.find((g) => g.name === db.subnetGroup);
  return [
    el('DBInstanceIdentifier', db.id),
    el('DBInstanceClass', db.instanceClass),
    el('Engine', engineName(db)),
    el('DBInstanceStatus', db.state),
    el('MasterUsername', 'admin'),
    node(
      'Endpoint',
      el('Address', rdsHost(call.region, call.accountId, db.id)),
      el('Port', db.port),
      el('HostedZoneId', 'Z2R2ITUGPM61AM'),
    ),
    el('AllocatedStorage', db.storageGb),
    el('InstanceCreateTime', db.createdAt),
    el('PreferredBackupWindow', '03:00-03:30'),
    el('BackupRetentionPeriod', 7),
    '<DBSecurityGroups/>',
    list(
      'VpcSecurityGroups',
      db.securityGroupIds,
      (id) => el('VpcSecurityGroupId', id) + el('Status', 'active'),
      'VpcSecurityGroupMembership',
    ),
    el('AvailabilityZone', db.zone),
    renderSubnetGroup(call, group),
    el('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30'),
    el('MultiAZ', false),
    el('EngineVersion', db.engineVersion),
    el('AutoMinorVersionUpgrade', true),
    '<ReadReplicaDBInstanceIdentifiers/>',
    el('LicenseModel', LICENSE[db.engine]),
    el('PubliclyAccessible', false),
    el('StorageType', db.flavor === 'aurora' ? 'aurora' : 'gp3'),
    el('DbInstancePort', 0),
    el('DBClusterIdentifier', db.clusterId),
    el('StorageEncrypted', true),
    el('DbiResourceId', db.resourceId),
    el('CACertificateIdentifier', 'rds-ca-rsa2048-g1'),
    el('DBInstanceArn', arn(call.region, call.accountId, 'rds', `db:${db.id}`)),
    el('PromotionTier', db.flavor === 'aurora' ? 1 : undefined),
    queryTags('TagList', db.tags, 'Tag'),
    el('NetworkType', 'IPV4'),
  ].join('');
}

function describeDbInstances(call: AwsCall): string {
  const id = call.params['DBInstanceIdentifier'];
  let all: readonly RdsInstance[] = call.res.rdsInstances;
  if (id !== undefined) {
    all = all.filter((db) => db.id === id);
    if (all.length === 0)
      throw new AwsApiError(404, 'DBInstanceNotFound', `DBInstance ${id} not found.`);
  }
  const { items, next } = paginate(call, all, PAGE, id ?? '');
  const result =
    list('DBInstances', items, (db) => renderInstance(call, db), 'DBInstance') + el('Marker', next);
  return queryResponse(call.action, RDS_NAMESPACE, call.requestId, result);
}

export const rdsHandler = actionTable({
  DescribeDBInstances: [describeDbInstances, ['MaxRecords', 'Marker', 'DBInstanceIdentifier']],
});
