/** VPC 2017-03-12, the gateways between networks: NAT (and its DNAT rules), peering, CCN. */
import type { CloudNetwork, NatGateway, RegionResources } from '../world-types-services.js';
import {
  cstTime,
  keyValueTags,
  pageByOffset,
  requiredString,
  stringList,
  type Handler,
  type TencentCall,
} from './call.js';
import { TencentApiError } from './errors.js';
import { VPC_PAGE } from './vpc-page.js';

function describeNatGateways(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.natGateways, VPC_PAGE.DescribeNatGateways);
  return {
    TotalCount: page.totalCount,
    NatGatewaySet: page.items.map((n: NatGateway) => ({
      NatGatewayId: n.id,
      NatGatewayName: n.name,
      State: n.state === 'available' ? 'AVAILABLE' : 'PENDING',
      VpcId: n.vpcId,
      SubnetId: n.subnetId,
      Zone: n.zone,
      InternetMaxBandwidthOut: 100,
      MaxConcurrentConnection: 1000000,
      PublicIpAddressSet:
        n.publicIp === undefined
          ? []
          : [{ PublicIpAddress: n.publicIp, AddressId: n.publicIpId ?? '' }],
      SourceIpTranslationNatRuleSet: [],
      CreatedTime: cstTime(n.createdAt),
      TagSet: keyValueTags(n.tags),
    })),
  };
}

/** One DNAT rule per public NAT: its EIP's TCP 8080 to port 80 of the first VM of its VPC. */
function dnatRules(res: RegionResources, natIds: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const n of res.natGateways) {
    if (!natIds.includes(n.id) || n.publicIp === undefined) continue;
    let target: string | undefined;
    for (const vm of res.vms) {
      if (vm.vpcId === n.vpcId) {
        target = vm.privateIp;
        break;
      }
    }
    if (target === undefined) continue;
    out.push({
      NatGatewayId: n.id,
      VpcId: n.vpcId,
      IpProtocol: 'TCP',
      PublicIpAddress: n.publicIp,
      PublicPort: 8080,
      PrivateIpAddress: target,
      PrivatePort: 80,
      Description: 'web',
    });
  }
  return out;
}

function describeDnatRules(call: TencentCall): Record<string, unknown> {
  const ids = stringList(call, 'NatGatewayIds') ?? call.res.natGateways.map((n) => n.id);
  const page = pageByOffset(
    call,
    dnatRules(call.res, ids),
    VPC_PAGE.DescribeNatGatewayDestinationIpPortTranslationNatRules,
  );
  return {
    TotalCount: page.totalCount,
    NatGatewayDestinationIpPortTranslationNatRuleSet: page.items,
  };
}

function describeVpcPeeringConnections(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.peerings, VPC_PAGE.DescribeVpcPeeringConnections);
  return {
    TotalCount: page.totalCount,
    PeerConnectionSet: page.items.map((p) => ({
      PeeringConnectionId: p.id,
      PeeringConnectionName: p.name,
      SourceVpcId: p.requester.vpcId,
      DestinationVpcId: p.accepter.vpcId,
      SourceRegion: p.requester.region,
      DestinationRegion: p.accepter.region,
      SourceUin: p.requester.accountId,
      DestinationUin: p.accepter.accountId,
      State: p.state === 'active' ? 'ACTIVE' : 'PENDING',
      Bandwidth: 10,
      CreateTime: cstTime(p.createdAt),
      TagSet: keyValueTags(p.tags),
    })),
  };
}

/** Every CCN of the account (CCN is global), with the region whose VPCs it joins. */
function allCcns(call: TencentCall): { ccn: CloudNetwork; region: string }[] {
  const out: { ccn: CloudNetwork; region: string }[] = [];
  for (const r of call.world.regions) {
    if (!r.enabled) continue;
    for (const ccn of call.world.resources(r.id).cloudNetworks) out.push({ ccn, region: r.id });
  }
  return out;
}

function describeCcns(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, allCcns(call), VPC_PAGE.DescribeCcns);
  return {
    TotalCount: page.totalCount,
    CcnSet: page.items.map(({ ccn }) => ({
      CcnId: ccn.id,
      CcnName: ccn.name,
      CcnDescription: '',
      InstanceCount: ccn.attachments.length,
      QosLevel: 'AU',
      State: 'AVAILABLE',
      CreateTime: cstTime(ccn.createdAt),
      TagSet: keyValueTags(ccn.tags),
    })),
  };
}

function describeCcnAttachedInstances(call: TencentCall): Record<string, unknown> {
  const id = requiredString(call, 'CcnId');
  const found = allCcns(call).find((c) => c.ccn.id === id);
  if (found === undefined) {
    throw new TencentApiError('ResourceNotFound', `The CCN \`${id}\` does not exist.`);
  }
  const page = pageByOffset(call, found.ccn.attachments, VPC_PAGE.DescribeCcnAttachedInstances);
  return {
    TotalCount: page.totalCount,
    InstanceSet: page.items.map((a) => ({
      CcnId: id,
      InstanceType: 'VPC',
      InstanceId: a.vpcId,
      InstanceRegion: found.region,
      InstanceUin: call.world.accountId,
      State: 'ACTIVE',
      AttachedTime: cstTime(a.createdAt),
    })),
  };
}

export const VPC_GATEWAY_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeNatGateways: describeNatGateways,
  DescribeNatGatewayDestinationIpPortTranslationNatRules: describeDnatRules,
  DescribeVpcPeeringConnections: describeVpcPeeringConnections,
  DescribeCcns: describeCcns,
  DescribeCcnAttachedInstances: describeCcnAttachedInstances,
};
