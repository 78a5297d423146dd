/** VpcPeer 2022-01-01 (its own product, central endpoint `vpcpeer.aliyuncs.com`): peering connections. */
import type { Peering } from '../world-types-services.js';
import { pageByToken, type AliyunCall, type Handler } from './call.js';
import { resourceGroupId, secondTime } from './render.js';

export const VPCPEER_VERSION = '2022-01-01';

/** Real bounds of ListVpcPeerConnections: MaxResults 1–100, default 20. */
export const VPCPEER_PAGE = { sizeParam: 'MaxResults', min: 1, max: 100, default: 20 } as const;

function renderPeering(call: AliyunCall, p: Peering): Record<string, unknown> {
  return {
    InstanceId: p.id,
    Name: p.name,
    Description: '',
    Status: p.state === 'active' ? 'Activated' : 'Accepting',
    RegionId: p.requester.region,
    OwnerId: Number(p.requester.accountId),
    VpcId: p.requester.vpcId,
    Vpc: { VpcId: p.requester.vpcId, Ipv4Cidrs: [p.requester.cidr], Ipv6Cidrs: [] },
    AcceptingOwnerUid: Number(p.accepter.accountId),
    AcceptingRegionId: p.accepter.region,
    AcceptingVpc: { VpcId: p.accepter.vpcId, Ipv4Cidrs: [p.accepter.cidr], Ipv6Cidrs: [] },
    Bandwidth: p.requester.region === p.accepter.region ? -1 : 1024,
    GmtCreate: secondTime(p.createdAt),
    GmtModified: secondTime(p.createdAt),
    ResourceGroupId: resourceGroupId(call.world),
    Tags: Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

function listVpcPeerConnections(call: AliyunCall): Record<string, unknown> {
  const page = pageByToken(call, call.res.peerings, VPCPEER_PAGE);
  return {
    NextToken: page.next,
    MaxResults: page.size,
    TotalCount: call.res.peerings.length,
    VpcPeerConnects: page.items.map((p) => renderPeering(call, p)),
  };
}

export const VPCPEER_ACTIONS: Readonly<Record<string, Handler>> = {
  ListVpcPeerConnections: listVpcPeerConnections,
};
