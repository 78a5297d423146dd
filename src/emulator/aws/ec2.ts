/** EC2 (query protocol, API version 2016-11-15): the action table, regions and zones. */
import { actionTable, listParam, type AwsCall } from './call.js';
import { describeAddresses, describeInstances, describeNetworkInterfaces } from './ec2-compute.js';

import {
  describeNatGateways,
  describeRouteTables,
  describeSecurityGroups,
  describeSubnets,
  describeTransitGatewayAttachments,
  describeTransitGateways,
  describeVpcPeeringConnections,
  describeVpcs,
} from './ec2-network.js';
import { zoneId } from './names.js';
import { ec2Response, el, list } from './xml.js';

export const EC2_VERSION = '2016-11-15';

function optInStatus(r: { enabled: boolean; optInRequired: boolean }): string {
  if (!r.optInRequired) return 'opt-in-not-required';
  return r.enabled ? 'opted-in' : 'not-opted-in';
}

/** Enabled regions, or every region with its opt-in status when `AllRegions=true`. */
function describeRegions(call: AwsCall): string {
  const names = listParam(call, 'RegionName');
  const all = call.params['AllRegions'] === 'true';
  const regions = call.world.regions.filter(
    (r) => (all || r.enabled) && (names.length === 0 || names.includes(r.id)),
  );
  const body = list('regionInfo', regions, (r) =>
    [
      el('regionName', r.id),
      el('regionEndpoint', `ec2.${r.id}.amazonaws.com`),
      el('optInStatus', optInStatus(r)),
    ].join(''),
  );
  return ec2Response(call.action, call.requestId, body);
}

function describeAvailabilityZones(call: AwsCall): string {
  const names = listParam(call, 'ZoneName');
  const zones = call.res.zones.filter((z) => names.length === 0 || names.includes(z.id));
  const body = list('availabilityZoneInfo', zones, (z) =>
    [
      el('zoneName', z.id),
      el('zoneState', 'available'),
      el('regionName', call.region),
      el('zoneId', zoneId(call.region, z.index)),
      el('groupName', call.region),
      el('networkBorderGroup', call.region),
      el('optInStatus', 'opt-in-not-required'),
      el('zoneType', 'availability-zone'),
      '<messageSet/>',
    ].join(''),
  );
  return ec2Response(call.action, call.requestId, body);
}

const PAGED = ['MaxResults', 'NextToken'];

export const ec2Handler = actionTable({
  DescribeRegions: [describeRegions, ['AllRegions', 'RegionName']],
  DescribeAvailabilityZones: [describeAvailabilityZones, ['AllAvailabilityZones', 'ZoneName']],
  DescribeVpcs: [describeVpcs, [...PAGED, 'VpcId']],
  DescribeSubnets: [describeSubnets, [...PAGED, 'SubnetId']],
  DescribeInstances: [describeInstances, [...PAGED, 'InstanceId', 'IncludeManagedResources']],
  DescribeNetworkInterfaces: [
    describeNetworkInterfaces,
    [...PAGED, 'NetworkInterfaceId', 'IncludeManagedResources'],
  ],
  DescribeAddresses: [describeAddresses, ['AllocationId', 'PublicIp']],
  DescribeSecurityGroups: [describeSecurityGroups, [...PAGED, 'GroupId']],
  DescribeRouteTables: [describeRouteTables, [...PAGED, 'RouteTableId']],
  DescribeNatGateways: [describeNatGateways, [...PAGED, 'NatGatewayId']],
  DescribeVpcPeeringConnections: [
    describeVpcPeeringConnections,
    [...PAGED, 'VpcPeeringConnectionId'],
  ],
  DescribeTransitGateways: [describeTransitGateways, [...PAGED, 'TransitGatewayIds']],
  DescribeTransitGatewayAttachments: [
    describeTransitGatewayAttachments,
    [...PAGED, 'TransitGatewayAttachmentIds'],
  ],
});
