import { guardMapper } from '../mapper-guard.js';
import { NatGatewaySchema, SnatRuleSchema } from '../../model/index.js';
import type { Availability, MapContext, NatGateway, SnatRule } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import {
  baiduOperation,
  baiduTags,
  baseFields,
  defined,
  deviceInterface,
  nonEmpty,
} from './common.js';
import type * as wire from './wire.js';

const LIST_NATS = baiduOperation('vpc', 'ListNatGateways', false);
const LIST_SNAT_RULES = baiduOperation('vpc', 'ListSnatRules', false);

/** The largest `maxKeys` the SNAT rule list accepts. */
const SNAT_MAX_KEYS = 100;

const NAT_STATE: Readonly<Record<string, Availability>> = {
  building: 'pending',
  configuring: 'pending',
  starting: 'pending',
  updating: 'pending',
  active: 'available',
  unconfigured: 'pending',
  stopping: 'pending',
  down: 'error',
  deleting: 'deleting',
  deleted: 'deleting',
};

function mapSnatRuleUnguarded(raw: wire.SnatRule): SnatRule {
  return {
    ...defined({ native_id: nonEmpty(raw.ruleId) }),
    source_cidr: raw.sourceCIDR ?? '',
    public_ips: compact(raw.publicIpsAddress ?? []),
  };
}

/** A NAT gateway with its SNAT rules (a second call per NAT); its EIPs are listed by the EIP fetcher too. */
function mapNatGatewayUnguarded(
  raw: wire.Nat,
  snat: readonly wire.SnatRule[],
  ctx: MapContext,
): NatGateway {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createTime,
    ),
    vpc_id: refId(ctx, 'vpc', raw.vpcId) ?? '',
    state: lookup(NAT_STATE, raw.status, 'unknown'),
    connectivity: 'public',
    public_ips: compact([...(raw.eips ?? []), ...(raw.dnatEips ?? [])]),
    private_ips: [],
    snat_rules: snat.map(mapSnatRule),
    dnat_rules: [],
  };
}

export const natGatewayFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'nat_gateway',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_NATS, LIST_SNAT_RULES],
  async *fetch(ctx) {
    const nats = await collect(
      listByMarker<wire.ListNats, wire.Nat>(
        ctx,
        LIST_NATS,
        ctx.region,
        '/v1/nat',
        {},
        (p) => p.nats,
      ),
    );
    const withRules = mapInOrder(
      nats.filter((n) => nonEmpty(n.id) !== undefined),
      async (raw) => ({
        raw,
        snat: await collect(
          listByMarker<wire.ListSnatRules, wire.SnatRule>(
            ctx,
            LIST_SNAT_RULES,
            ctx.region,
            `/v1/nat/${encodeURIComponent(raw.id ?? '')}/snatRule`,
            {},
            (p) => p.rules,
            SNAT_MAX_KEYS,
          ),
        ),
      }),
    );
    for await (const { raw, snat } of withRules) {
      const id = raw.id ?? '';
      yield { kind: 'nat_gateway', record: mapNatGateway(raw, snat, ctx.map) };
      yield {
        kind: 'network_interface',
        record: deviceInterface(ctx.map, 'nat_gateway', id, { vpcId: raw.vpcId, privateIps: [] }),
      };
    }
  },
};

/** `mapSnatRuleUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSnatRule = guardMapper('baidu snat rule', mapSnatRuleUnguarded, SnatRuleSchema);
/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'baidu nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
