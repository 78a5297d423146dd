/** EC2 DescribeInstances, DescribeNetworkInterfaces and DescribeAddresses. */
import type { NetworkInterface, PrivateIp, PublicIp, Tags, Vm } from '../world-types.js';
import { lookup, paginate, type AwsCall } from './call.js';
import { selectById, EC2_PAGE } from './ec2-common.js';
import { privateDnsName, publicDnsName, zoneId } from './names.js';
import { ec2Response, ec2Tags, el, list, node } from './xml.js';

const STATE_CODE = { pending: 0, running: 16, stopped: 80 } as const;

interface InterfaceInfo {
  readonly description?: string;
  readonly interfaceType: string;
  readonly requesterId?: string;
  readonly instanceOwnerId: string;
  readonly ipOwnerId: string;
  readonly tags: Tags;
}

/** Who created the interface, the way each AWS service describes its requester-managed interfaces. */
function interfaceInfo(call: AwsCall, eni: NetworkInterface): InterfaceInfo {
  const account = call.accountId;
  const managed = (
    requesterId: string,
    description: string,
    type = 'interface',
  ): InterfaceInfo => ({
    description,
    interfaceType: type,
    requesterId,
    instanceOwnerId: requesterId,
    ipOwnerId: requesterId,
    tags: {},
  });
  switch (eni.deviceKind) {
    case 'vm': {
      const base = { interfaceType: 'interface', instanceOwnerId: account, ipOwnerId: 'amazon' };
      if (eni.role === 'primary')
        return { ...base, description: 'Primary network interface', tags: {} };
      if (eni.role !== 'kubernetes_pods') return { ...base, tags: {} };
      return {
        ...base,
        description: `aws-K8S-${eni.deviceId}`,
        tags: { 'node.k8s.amazonaws.com/instance_id': eni.deviceId },
      };
    }
    case 'nat_gateway':
      return managed('amazon-nat', `Interface for NAT Gateway ${eni.deviceId}`, 'nat_gateway');
    case 'load_balancer': {
      const lb = lookup(call).loadBalancers.get(eni.deviceId);
      if (lb?.type === 'application') return managed('amazon-elb', `ELB app/${lb.name}/${lb.id}`);
      if (lb?.type === 'network') {
        return managed('amazon-elb', `ELB net/${lb.name}/${lb.id}`, 'network_load_balancer');
      }
      return managed('amazon-elb', `ELB ${lb?.name ?? eni.deviceId}`);
    }
    case 'rds_instance':
      return managed('amazon-rds', 'RDSNetworkInterface');
    case 'redis_instance':
      return managed(
        'amazon-elasticache',
        lookup(call).serverless.has(eni.deviceId)
          ? `ElastiCache Serverless ${eni.deviceId}`
          : `ElastiCache ${eni.deviceId}`,
      );
  }
}

function association(call: AwsCall, ip: PrivateIp, ipOwnerId: string): string {
  if (ip.publicIp === undefined) return '';
  return node(
    'association',
    el('publicIp', ip.publicIp),
    el('publicDnsName', publicDnsName(ip.publicIp, call.region)),
    el('ipOwnerId', ip.publicIpId === undefined ? ipOwnerId : call.accountId),
    el('allocationId', ip.publicIpId),
    el('associationId', ip.publicIpAssociationId),
  );
}

function groupSet(call: AwsCall, ids: readonly string[]): string {
  const groups = lookup(call).securityGroups;
  return list('groupSet', ids, (id) => el('groupId', id) + el('groupName', groups.get(id)?.name));
}

function privateIps(call: AwsCall, eni: NetworkInterface, ipOwnerId: string): string {
  return list('privateIpAddressesSet', eni.privateIps, (ip) =>
    [
      el('privateIpAddress', ip.ip),
      el('privateDnsName', privateDnsName(ip.ip, call.region)),
      el('primary', ip.primary),
      association(call, ip, ipOwnerId),
    ].join(''),
  );
}

/** One interface; `inInstance` renders the shape nested in DescribeInstances. */
function renderInterface(call: AwsCall, eni: NetworkInterface, inInstance: boolean): string {
  const info = interfaceInfo(call, eni);
  const primary = eni.privateIps[0];
  const zoneIndex = call.res.zones.findIndex((z) => z.id === eni.zone);
  return [
    el('networkInterfaceId', eni.id),
    el('subnetId', eni.subnetId),
    el('vpcId', eni.vpcId),
    inInstance ? '' : el('availabilityZone', eni.zone),
    inInstance ? '' : el('availabilityZoneId', zoneId(call.region, zoneIndex)),
    el('description', info.description ?? ''),
    el('ownerId', call.accountId),
    inInstance ? '' : el('requesterId', info.requesterId),
    inInstance ? '' : el('requesterManaged', info.requesterId !== undefined),
    el('status', 'in-use'),
    el('macAddress', eni.mac),
    el('privateIpAddress', primary?.ip),
    el(
      'privateDnsName',
      primary === undefined ? undefined : privateDnsName(primary.ip, call.region),
    ),
    el('sourceDestCheck', eni.deviceKind !== 'nat_gateway'),
    groupSet(call, eni.securityGroupIds),
    node(
      'attachment',
      el('attachmentId', eni.attachmentId),
      inInstance || eni.deviceKind !== 'vm' ? '' : el('instanceId', eni.deviceId),
      inInstance ? '' : el('instanceOwnerId', info.instanceOwnerId),
      el('deviceIndex', eni.deviceIndex),
      el('networkCardIndex', 0),
      el('status', 'attached'),
      el('attachTime', eni.createdAt),
      el('deleteOnTermination', eni.deviceIndex === 0),
    ),
    primary === undefined ? '' : association(call, primary, info.ipOwnerId),
    inInstance ? '' : ec2Tags(info.tags),
    privateIps(call, eni, info.ipOwnerId),
    inInstance ? '' : '<ipv6AddressesSet/>',
    el('interfaceType', info.interfaceType),
  ].join('');
}

function renderInstance(call: AwsCall, vm: Vm): string {
  const zoneIndex = call.res.zones.findIndex((z) => z.id === vm.zone);
  const arm = vm.instanceType.startsWith('c6g');
  const tags =
    vm.kubernetesCluster === undefined
      ? vm.tags
      : {
          ...vm.tags,
          'eks:cluster-name': vm.kubernetesCluster,
          [`kubernetes.io/cluster/${vm.kubernetesCluster}`]: 'owned',
        };
  return [
    el('instanceId', vm.id),
    el('imageId', vm.imageId),
    node('instanceState', el('code', STATE_CODE[vm.state]), el('name', vm.state)),
    el('privateDnsName', privateDnsName(vm.privateIp, call.region)),
    el('dnsName', vm.publicIp === undefined ? '' : publicDnsName(vm.publicIp, call.region)),
    el(
      'reason',
      vm.state === 'stopped' ? `User initiated (${vm.launchTime.slice(0, 10)} 12:00:00 GMT)` : '',
    ),
    el('keyName', `${vm.tags['env'] ?? 'ops'}-key`),
    el('amiLaunchIndex', 0),
    '<productCodes/>',
    el('instanceType', vm.instanceType),
    el('launchTime', vm.launchTime),
    node(
      'placement',
      el('availabilityZoneId', zoneId(call.region, zoneIndex)),
      el('groupName', ''),
      el('tenancy', 'default'),
      el('availabilityZone', vm.zone),
    ),
    node('monitoring', el('state', 'disabled')),
    el('subnetId', vm.subnetId),
    el('vpcId', vm.vpcId),
    el('privateIpAddress', vm.privateIp),
    el('ipAddress', vm.publicIp),
    el('sourceDestCheck', true),
    groupSet(call, vm.securityGroupIds),
    vm.state === 'stopped'
      ? node(
          'stateReason',
          el('code', 'Client.UserInitiatedShutdown'),
          el('message', 'Client.UserInitiatedShutdown: User initiated shutdown'),
        )
      : '',
    el('architecture', arm ? 'arm64' : 'x86_64'),
    el('rootDeviceType', 'ebs'),
    el('rootDeviceName', '/dev/xvda'),
    el('virtualizationType', 'hvm'),
    ec2Tags(tags),
    el('hypervisor', 'xen'),
    list('networkInterfaceSet', vm.interfaces, (eni) => renderInterface(call, eni, true)),
    el('ebsOptimized', false),
    el('enaSupport', true),
    el('platformDetails', 'Linux/UNIX'),
  ].join('');
}

export function describeInstances(call: AwsCall): string {
  const vms = selectById(
    call,
    call.res.vms,
    'InstanceId',
    (vm) => vm.id,
    'InvalidInstanceID.NotFound',
  );
  const { items, next } = paginate(call, vms, EC2_PAGE);
  // Consecutive instances launched together share a reservation (a page may split one, as AWS does).
  const reservations: Vm[][] = [];
  for (const vm of items) {
    const last = reservations.at(-1);
    if (last?.[0]?.reservationId === vm.reservationId) last.push(vm);
    else reservations.push([vm]);
  }
  const body = list('reservationSet', reservations, (group) =>
    [
      el('reservationId', group[0]?.reservationId),
      el('ownerId', call.accountId),
      '<groupSet/>',
      list('instancesSet', group, (vm) => renderInstance(call, vm)),
    ].join(''),
  );
  return ec2Response(call.action, call.requestId, body + el('nextToken', next));
}

export function describeNetworkInterfaces(call: AwsCall): string {
  const all = selectById(
    call,
    call.res.networkInterfaces,
    'NetworkInterfaceId',
    (eni) => eni.id,
    'InvalidNetworkInterfaceID.NotFound',
  );
  const { items, next } = paginate(call, all, EC2_PAGE);
  const body = list('networkInterfaceSet', items, (eni) => renderInterface(call, eni, false));
  return ec2Response(call.action, call.requestId, body + el('nextToken', next));
}

function renderAddress(call: AwsCall, ip: PublicIp): string {
  return [
    el('publicIp', ip.ip),
    el('allocationId', ip.id),
    el('domain', 'vpc'),
    el('instanceId', ip.deviceKind === 'vm' ? ip.deviceId : undefined),
    el('associationId', ip.associationId),
    el('networkInterfaceId', ip.interfaceId),
    el('networkInterfaceOwnerId', ip.interfaceId === undefined ? undefined : call.accountId),
    el('privateIpAddress', ip.privateIp),
    ec2Tags(ip.tags),
    el('publicIpv4Pool', 'amazon'),
    el('networkBorderGroup', call.region),
  ].join('');
}

/** Elastic IPs only (they come first in the world's public IP list); unpaged, like the real API. */
export function describeAddresses(call: AwsCall): string {
  const elastic: PublicIp[] = [];
  for (const ip of call.res.publicIps) {
    if (ip.allocation !== 'elastic') break;
    elastic.push(ip);
  }
  const byAllocation = selectById(
    call,
    elastic,
    'AllocationId',
    (ip) => ip.id ?? '',
    'InvalidAllocationID.NotFound',
  );
  const selected = selectById(
    call,
    byAllocation,
    'PublicIp',
    (ip) => ip.ip,
    'InvalidAddress.NotFound',
  );
  const body = list('addressesSet', selected, (ip) => renderAddress(call, ip));
  return ec2Response(call.action, call.requestId, body);
}
