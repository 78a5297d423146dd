import { guardMapper } from '../mapper-guard.js';
import { LoadBalancerSchema } from '../../model/index.js';
import type { LbListener, LbTarget, LoadBalancer, MapContext } from '../../model/index.js';
import {
  armId,
  azureTags,
  baseFields,
  compact,
  nonEmpty,
  parentOf,
  provisioningState,
  ref,
  refs,
  zoneRef,
} from './common.js';
import type { IpConfigInfo } from './network-interface.js';
import type * as wire from './wire.js';

type Pool = NonNullable<wire.ApplicationGateway['backendAddressPools']>[number];

function poolTargets(
  pool: Pool | undefined,
  port: number | undefined,
  ipConfigs: ReadonlyMap<string, IpConfigInfo>,
  ctx: MapContext,
): LbTarget[] {
  const out: LbTarget[] = [];
  for (const c of pool?.backendIPConfigurations ?? []) {
    const id = armId(c.id);
    if (id === undefined) continue;
    const info = ipConfigs.get(id);
    const vm = ref(ctx, 'vm', info?.vmId);
    out.push({
      type: vm === undefined ? 'other' : 'vm',
      native_id: id,
      ...(vm === undefined ? {} : { vm_id: vm }),
      ...(info?.privateIp === undefined ? {} : { ip: info.privateIp }),
      ...(port === undefined ? {} : { port }),
      health: 'unknown',
    });
  }
  for (const a of pool?.backendAddresses ?? []) {
    const target = nonEmpty(a.ipAddress) ?? nonEmpty(a.fqdn);
    if (target === undefined) continue;
    out.push({
      type: 'ip',
      native_id: target,
      ...(a.ipAddress ? { ip: a.ipAddress } : {}),
      ...(port === undefined ? {} : { port }),
      health: 'unknown',
    });
  }
  return out;
}

/**
 * An application gateway: its HTTP listeners (frontend port, protocol), each with the backend pool of the
 * routing rule that uses it. Its VNet is the one of its gateway subnet; its VIPs are its frontend addresses.
 */
function mapApplicationGatewayUnguarded(
  raw: wire.ApplicationGateway,
  ipConfigs: ReadonlyMap<string, IpConfigInfo>,
  publicIps: ReadonlyMap<string, string>,
  ctx: MapContext,
): LoadBalancer {
  const nativeId = armId(raw.id) ?? '';
  const gatewaySubnet = armId(raw.gatewayIPConfigurations?.[0]?.subnet?.id);
  const frontends = raw.frontendIPConfigurations ?? [];
  const ports = new Map((raw.frontendPorts ?? []).map((p) => [armId(p.id) ?? '', p.port]));
  const pools = new Map((raw.backendAddressPools ?? []).map((p) => [armId(p.id) ?? '', p]));
  const settings = new Map(
    (raw.backendHttpSettingsCollection ?? []).map((s) => [armId(s.id) ?? '', s.port]),
  );
  const listeners: LbListener[] = (raw.httpListeners ?? []).map((l) => {
    const id = armId(l.id) ?? '';
    const rules = (raw.requestRoutingRules ?? []).filter((r) => armId(r.httpListener?.id) === id);
    return {
      native_id: id,
      name: nonEmpty(l.name) ?? id,
      protocol: (l.protocol ?? 'http').toLowerCase(),
      port: ports.get(armId(l.frontendPort?.id) ?? '') ?? 0,
      targets: rules.flatMap((r) =>
        poolTargets(
          pools.get(armId(r.backendAddressPool?.id) ?? ''),
          settings.get(armId(r.backendHttpSettings?.id) ?? ''),
          ipConfigs,
          ctx,
        ),
      ),
    };
  });
  const vpc = ref(ctx, 'vpc', parentOf(gatewaySubnet, 'subnets'));
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    scheme: frontends.some((f) => f.publicIPAddress?.id) ? 'internet' : 'internal',
    type: 'application',
    state: provisioningState(raw.provisioningState),
    vips: compact(
      frontends.map((f) => f.privateIPAddress ?? publicIps.get(armId(f.publicIPAddress?.id) ?? '')),
    ),
    subnet_ids: refs(ctx, 'subnet', [gatewaySubnet, ...frontends.map((f) => f.subnet?.id)]),
    zone_ids: compact((raw.zones ?? []).map((z) => zoneRef(ctx, z))),
    listeners,
  };
}

/** `mapApplicationGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapApplicationGateway = guardMapper(
  'azure application gateway',
  mapApplicationGatewayUnguarded,
  LoadBalancerSchema,
);
