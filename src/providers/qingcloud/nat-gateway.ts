import { guardMapper } from '../mapper-guard.js';
import { NatGatewaySchema } from '../../model/index.js';
import type { MapContext, NatGateway, NetworkInterface } from '../../model/index.js';
import { compact, lookup, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listArray } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  qingcloudOperation,
  regionVxnets,
  routersByVxnet,
  serviceInterface,
  zoneRef,
} from './common.js';
import { RESOURCE_STATE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_NFVS = qingcloudOperation('DescribeNFVs', false);

/** `nfv_type=1`: the NAT gateway kind of network function. */
export const NAT_NFV_TYPE = 1;

/**
 * A NAT gateway (NFV of type 1) found in `vxnet` (DescribeNFVs filtered by `vxnets.1`, as DeepFlow asks:
 * the filter is what ties an NFV to its vxnet, hence to the VPC `vpc`); its public IPs are its EIPs.
 */
function mapNatGatewayUnguarded(
  raw: wire.Nfv,
  vxnet: string,
  vpc: string,
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.nfv_id ?? '';
  const publicIps = compact((raw.eips ?? []).map((e) => e.eip_addr));
  return {
    ...baseFields(ctx, 'nat_gateway', nativeId, raw.nfv_name, raw.tags, raw.create_time),
    vpc_id: resourceId(ctx, 'vpc', vpc),
    subnet_id: resourceId(ctx, 'subnet', vxnet),
    ...defined({ zone_id: zoneRef(ctx, raw.zone_id) }),
    state: lookup(RESOURCE_STATE, raw.status, 'unknown'),
    connectivity: publicIps.length > 0 ? 'public' : 'private',
    public_ips: publicIps,
    private_ips: privateIpsIn(raw, vxnet),
    snat_rules: [],
    dnat_rules: [],
  };
}

/** The NFV's addresses in a vxnet (`vxnets[]`, when the answer lists them). */
function privateIpsIn(raw: wire.Nfv, vxnet: string): string[] {
  return compact((raw.vxnets ?? []).filter((v) => v.vxnet_id === vxnet).map((v) => v.private_ip));
}

/** The NAT gateway's interface in its vxnet (DescribeNics lists only instance NICs). */
export function natInterface(
  raw: wire.Nfv,
  vxnet: string,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): NetworkInterface | undefined {
  return serviceInterface(ctx, routers, {
    kind: 'nat_gateway',
    deviceId: raw.nfv_id ?? '',
    vxnetId: vxnet,
    privateIps: privateIpsIn(raw, vxnet),
    createdAt: raw.create_time,
  });
}

export const natGatewayFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'nat_gateway',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_NFVS, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = routersByVxnet(await regionVxnets(ctx));
    // One listing per VPC vxnet, all under way at once (within the account's request limit).
    const perVxnet = [...routers.keys()].map((vxnet) => {
      const nfvs = listArray<wire.Nfv>(
        ctx,
        ctx.session.client,
        DESCRIBE_NFVS,
        ctx.region,
        { nfv_type: NAT_NFV_TYPE, 'vxnets.1': vxnet },
        { key: 'nfv_set', idOf: (n) => n.nfv_id },
      );
      nfvs.catch(() => undefined);
      return [vxnet, nfvs] as const;
    });
    const seen = new Set<string>();
    for (const [vxnet, nfvs] of perVxnet) {
      const vpc = routers.get(vxnet) ?? '';
      for (const raw of await nfvs) {
        if (!raw.nfv_id || seen.has(raw.nfv_id)) continue;
        seen.add(raw.nfv_id);
        yield { kind: 'nat_gateway', record: mapNatGateway(raw, vxnet, vpc, ctx.map) };
        const nic = natInterface(raw, vxnet, routers, ctx.map);
        if (nic !== undefined) yield { kind: 'network_interface', record: nic };
      }
    }
  },
};

/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'qingcloud nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
