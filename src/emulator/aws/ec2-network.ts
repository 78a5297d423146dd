/** EC2 network Describe actions: VPCs, subnets, security groups, route tables, NAT, peering, transit gateways. */
import type {
  CloudNetwork,
  CloudNetworkAttachment,
  NatGateway,
  Peering,
  PeeringSide,
} from '../world-types-services.js';
import type { Route, RouteTable, SecurityGroup, SgRule, Subnet, Vpc } from '../world-types.js';
import { paginate, type AwsCall, type PageSpec } from './call.js';
import { EC2_PAGE, selectById } from './ec2-common.js';
import { arn, zoneId } from './names.js';
import { ec2Response, ec2Tags, el, list, node } from './xml.js';

/** Describes a paged list: select by ids, page, render the items under `setTag`. */
function describe<T>(
  call: AwsCall,
  all: readonly T[],
  opts: {
    idParam: string;
    idOf: (item: T) => string;
    notFound: string;
    setTag: string;
    render: (item: T) => string;
    page?: PageSpec;
  },
): string {
  const selected = selectById(call, all, opts.idParam, opts.idOf, opts.notFound);
  const { items, next } = paginate(call, selected, opts.page ?? EC2_PAGE);
  const body = list(opts.setTag, items, opts.render) + el('nextToken', next);
  return ec2Response(call.action, call.requestId, body);
}

function renderVpc(call: AwsCall, vpc: Vpc): string {
  return [
    el('vpcId', vpc.id),
    el('ownerId', call.accountId),
    el('state', 'available'),
    el('cidrBlock', vpc.cidr),
    list(
      'cidrBlockAssociationSet',
      [vpc],
      (v) =>
        el('cidrBlock', v.cidr) +
        el('associationId', v.cidrAssociationId) +
        node('cidrBlockState', el('state', 'associated')),
    ),
    el('dhcpOptionsId', `dopt-${vpc.id.slice(4)}`),
    ec2Tags(vpc.tags),
    el('instanceTenancy', 'default'),
    el('isDefault', false),
  ].join('');
}

export function describeVpcs(call: AwsCall): string {
  return describe(call, call.res.vpcs, {
    idParam: 'VpcId',
    idOf: (v) => v.id,
    notFound: 'InvalidVpcID.NotFound',
    setTag: 'vpcSet',
    render: (v) => renderVpc(call, v),
  });
}

function renderSubnet(call: AwsCall, s: Subnet): string {
  const zoneIndex = call.res.zones.findIndex((z) => z.id === s.zone);
  return [
    el('subnetId', s.id),
    el('subnetArn', arn(call.region, call.accountId, 'ec2', `subnet/${s.id}`)),
    el('state', 'available'),
    el('ownerId', call.accountId),
    el('vpcId', s.vpcId),
    el('cidrBlock', s.cidr),
    '<ipv6CidrBlockAssociationSet/>',
    el('availableIpAddressCount', s.availableIps),
    el('availabilityZone', s.zone),
    el('availabilityZoneId', zoneId(call.region, zoneIndex)),
    el('defaultForAz', false),
    el('mapPublicIpOnLaunch', s.public),
    el('assignIpv6AddressOnCreation', false),
    ec2Tags(s.tags),
  ].join('');
}

export function describeSubnets(call: AwsCall): string {
  return describe(call, call.res.subnets, {
    idParam: 'SubnetId',
    idOf: (s) => s.id,
    notFound: 'InvalidSubnetID.NotFound',
    setTag: 'subnetSet',
    render: (s) => renderSubnet(call, s),
  });
}

function renderPermission(call: AwsCall, rule: SgRule): string {
  return [
    el('ipProtocol', rule.protocol === 'all' ? '-1' : rule.protocol),
    el('fromPort', rule.fromPort),
    el('toPort', rule.toPort),
    list(
      'groups',
      rule.groupId === undefined ? [] : [rule.groupId],
      (id) => el('userId', call.accountId) + el('groupId', id),
    ),
    list(
      'ipRanges',
      rule.cidr === undefined ? [] : [rule.cidr],
      (cidr) => el('cidrIp', cidr) + el('description', rule.description),
    ),
    '<ipv6Ranges/><prefixListIds/>',
  ].join('');
}

function renderSecurityGroup(call: AwsCall, g: SecurityGroup): string {
  const rules = (direction: SgRule['direction']) =>
    g.rules.filter((r) => r.direction === direction);
  return [
    el('ownerId', call.accountId),
    el('groupId', g.id),
    el('groupName', g.name),
    el('groupDescription', g.description),
    el('vpcId', g.vpcId),
    list('ipPermissions', rules('ingress'), (r) => renderPermission(call, r)),
    list('ipPermissionsEgress', rules('egress'), (r) => renderPermission(call, r)),
    ec2Tags(g.tags),
    el('securityGroupArn', arn(call.region, call.accountId, 'ec2', `security-group/${g.id}`)),
  ].join('');
}

export function describeSecurityGroups(call: AwsCall): string {
  return describe(call, call.res.securityGroups, {
    idParam: 'GroupId',
    idOf: (g) => g.id,
    notFound: 'InvalidGroup.NotFound',
    setTag: 'securityGroupInfo',
    render: (g) => renderSecurityGroup(call, g),
  });
}

const ROUTE_TARGET: Record<Exclude<Route['target'], 'local'>, string> = {
  internet_gateway: 'gatewayId',
  nat_gateway: 'natGatewayId',
  peering: 'vpcPeeringConnectionId',
  cloud_network: 'transitGatewayId',
};

function renderRoute(r: Route): string {
  const target =
    r.target === 'local' ? el('gatewayId', 'local') : el(ROUTE_TARGET[r.target], r.targetId);
  const origin = r.target === 'local' ? 'CreateRouteTable' : 'CreateRoute';
  return (
    el('destinationCidrBlock', r.destination) + target + el('state', r.state) + el('origin', origin)
  );
}

function renderRouteTable(call: AwsCall, rt: RouteTable): string {
  return [
    el('routeTableId', rt.id),
    el('vpcId', rt.vpcId),
    el('ownerId', call.accountId),
    list('routeSet', rt.routes, renderRoute),
    list('associationSet', rt.associations, (a) =>
      [
        el('routeTableAssociationId', a.id),
        el('routeTableId', rt.id),
        el('subnetId', a.subnetId),
        el('main', a.subnetId === undefined),
        node('associationState', el('state', 'associated')),
      ].join(''),
    ),
    '<propagatingVgwSet/>',
    ec2Tags(rt.tags),
  ].join('');
}

export function describeRouteTables(call: AwsCall): string {
  return describe(call, call.res.routeTables, {
    idParam: 'RouteTableId',
    idOf: (rt) => rt.id,
    notFound: 'InvalidRouteTableID.NotFound',
    setTag: 'routeTableSet',
    render: (rt) => renderRouteTable(call, rt),
    page: { ...EC2_PAGE, max: 100 },
  });
}

function renderNat(nat: NatGateway): string {
  return [
    el('createTime', nat.createdAt),
    list('natGatewayAddressSet', [nat], (n) =>
      [
        el('allocationId', n.publicIpId),
        el('networkInterfaceId', n.interfaceId),
        el('privateIp', n.privateIp),
        el('publicIp', n.publicIp),
        el('associationId', n.publicIpAssociationId),
        el('isPrimary', true),
        el('status', 'succeeded'),
      ].join(''),
    ),
    el('natGatewayId', nat.id),
    el('state', nat.state),
    el('subnetId', nat.subnetId),
    el('vpcId', nat.vpcId),
    ec2Tags(nat.tags),
    el('connectivityType', nat.connectivity),
  ].join('');
}

export function describeNatGateways(call: AwsCall): string {
  return describe(call, call.res.natGateways, {
    idParam: 'NatGatewayId',
    idOf: (n) => n.id,
    notFound: 'NatGatewayNotFound',
    setTag: 'natGatewaySet',
    render: renderNat,
  });
}

function renderPeeringSide(tag: string, side: PeeringSide): string {
  return node(
    tag,
    el('cidrBlock', side.cidr),
    list('cidrBlockSet', [side.cidr], (c) => el('cidrBlock', c)),
    el('ownerId', side.accountId),
    el('vpcId', side.vpcId),
    el('region', side.region),
  );
}

function renderPeering(p: Peering): string {
  const code = p.state === 'active' ? 'active' : 'pending-acceptance';
  const message = p.state === 'active' ? 'Active' : 'Pending Acceptance by the accepter';
  return [
    renderPeeringSide('accepterVpcInfo', p.accepter),
    renderPeeringSide('requesterVpcInfo', p.requester),
    node('status', el('code', code), el('message', message)),
    ec2Tags(p.tags),
    el('vpcPeeringConnectionId', p.id),
  ].join('');
}

export function describeVpcPeeringConnections(call: AwsCall): string {
  return describe(call, call.res.peerings, {
    idParam: 'VpcPeeringConnectionId',
    idOf: (p) => p.id,
    notFound: 'InvalidVpcPeeringConnectionID.NotFound',
    setTag: 'vpcPeeringConnectionSet',
    render: renderPeering,
  });
}

function renderTransitGateway(call: AwsCall, tgw: CloudNetwork): string {
  return [
    el('transitGatewayId', tgw.id),
    el('transitGatewayArn', arn(call.region, call.accountId, 'ec2', `transit-gateway/${tgw.id}`)),
    el('state', tgw.state),
    el('ownerId', call.accountId),
    el('description', tgw.name),
    el('creationTime', tgw.createdAt),
    node('options', el('amazonSideAsn', tgw.asn), el('dnsSupport', 'enable')),
    ec2Tags(tgw.tags),
  ].join('');
}

export function describeTransitGateways(call: AwsCall): string {
  return describe(call, call.res.cloudNetworks, {
    idParam: 'TransitGatewayIds',
    idOf: (t) => t.id,
    notFound: 'InvalidTransitGatewayID.NotFound',
    setTag: 'transitGatewaySet',
    render: (t) => renderTransitGateway(call, t),
  });
}

export function describeTransitGatewayAttachments(call: AwsCall): string {
  const all = call.res.cloudNetworks.flatMap((tgw) => tgw.attachments.map((a) => ({ tgw, a })));
  const render = ({ tgw, a }: { tgw: CloudNetwork; a: CloudNetworkAttachment }): string =>
    [
      el('transitGatewayAttachmentId', a.id),
      el('transitGatewayId', tgw.id),
      el('transitGatewayOwnerId', call.accountId),
      el('resourceOwnerId', call.accountId),
      el('resourceType', 'vpc'),
      el('resourceId', a.vpcId),
      el('state', a.state),
      node(
        'association',
        el('transitGatewayRouteTableId', `tgw-rtb-${tgw.id.slice(4)}`),
        el('state', 'associated'),
      ),
      el('creationTime', a.createdAt),
      '<tagSet/>',
    ].join('');
  return describe(call, all, {
    idParam: 'TransitGatewayAttachmentIds',
    idOf: (x) => x.a.id,
    notFound: 'InvalidTransitGatewayAttachmentID.NotFound',
    setTag: 'transitGatewayAttachments',
    render,
  });
}
