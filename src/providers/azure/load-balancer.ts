import { guardMapper } from '../mapper-guard.js';
import { LoadBalancerSchema, NetworkInterfaceSchema } from '../../model/index.js';
import type {
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
  NetworkInterface,
} from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import { mapApplicationGateway } from './application-gateway.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  compact,
  inRegion,
  nonEmpty,
  parentOf,
  provisioningState,
  ref,
  refs,
  zoneRef,
} from './common.js';
import type { IpConfigInfo } from './network-interface.js';
import { ipConfigIndex, LIST_NETWORK_INTERFACES, networkInterfaces } from './network-interface.js';
import { LIST_PUBLIC_IPS, publicIpAddresses } from './public-ip.js';
import type * as wire from './wire.js';

const LIST_LOAD_BALANCERS = azureOperation(
  'loadBalancers.listAll',
  'Microsoft.Network/loadBalancers/read',
  false,
);
const LIST_APPLICATION_GATEWAYS = azureOperation(
  'applicationGateways.listAll',
  'Microsoft.Network/applicationGateways/read',
  false,
);

/** A frontend IP configuration is where the balancer's addresses live: one interface each. */
function mapFrontendInterfaceUnguarded(
  raw: wire.FrontendIPConfiguration,
  lbId: string,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = armId(raw.id) ?? '';
  const subnet = armId(raw.subnet?.id);
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  return {
    ...baseFields(ctx, 'network_interface', nativeId, nonEmpty(raw.name) ?? nativeId, {}),
    device_kind: 'load_balancer',
    device_id: ref(ctx, 'load_balancer', lbId) ?? '',
    device_native_id: lbId,
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    ...(subnet === undefined ? {} : { subnet_id: ref(ctx, 'subnet', subnet) }),
    private_ips: compact([raw.privateIPAddress]),
    primary: false,
    security_group_ids: [],
  };
}

function poolTargets(
  pool: NonNullable<wire.LoadBalancer['backendAddressPools']>[number] | undefined,
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
  for (const a of pool?.loadBalancerBackendAddresses ?? []) {
    const ip = nonEmpty(a.ipAddress);
    if (ip === undefined) continue;
    out.push({
      type: 'ip',
      native_id: nonEmpty(a.name) ?? ip,
      ip,
      ...(port === undefined ? {} : { port }),
      health: 'unknown',
    });
  }
  return out;
}

/**
 * An Azure Load Balancer: one listener per load-balancing rule (frontend port → backend pool and port).
 * Its VNet is its internal frontend's, else its backends' (a public balancer's frontends have no subnet).
 */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  ipConfigs: ReadonlyMap<string, IpConfigInfo>,
  publicIps: ReadonlyMap<string, string>,
  ctx: MapContext,
): LoadBalancer {
  const nativeId = armId(raw.id) ?? '';
  const frontends = raw.frontendIPConfigurations ?? [];
  const pools = new Map((raw.backendAddressPools ?? []).map((p) => [armId(p.id) ?? '', p]));
  const listeners: LbListener[] = (raw.loadBalancingRules ?? []).map((r) => {
    const id = armId(r.id) ?? '';
    return {
      native_id: id,
      name: nonEmpty(r.name) ?? id,
      protocol: (r.protocol ?? 'all').toLowerCase(),
      port: r.frontendPort ?? 0,
      targets: poolTargets(
        pools.get(armId(r.backendAddressPool?.id) ?? ''),
        r.backendPort,
        ipConfigs,
        ctx,
      ),
    };
  });
  const backendSubnets = listeners.flatMap((l) =>
    l.targets.map((t) => ipConfigs.get(t.native_id)?.subnetId),
  );
  const subnets = compact([...frontends.map((f) => armId(f.subnet?.id)), ...backendSubnets]);
  const vpc = ref(ctx, 'vpc', parentOf(subnets[0], 'subnets'));
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
    type: 'network',
    state: provisioningState(raw.provisioningState),
    vips: compact(
      frontends.map((f) => f.privateIPAddress ?? publicIps.get(armId(f.publicIPAddress?.id) ?? '')),
    ),
    subnet_ids: refs(
      ctx,
      'subnet',
      frontends.map((f) => f.subnet?.id),
    ),
    zone_ids: compact(frontends.flatMap((f) => (f.zones ?? []).map((z) => zoneRef(ctx, z)))),
    listeners,
  };
}

export const loadBalancerFetcher: ResourceFetcher<AzureSession> = {
  kind: 'load_balancer',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [
    LIST_LOAD_BALANCERS,
    LIST_APPLICATION_GATEWAYS,
    LIST_NETWORK_INTERFACES,
    LIST_PUBLIC_IPS,
  ],
  async *fetch(ctx) {
    const network = (sub: string) => ctx.session.clients.network(sub);
    const opts = { abortSignal: ctx.signal };
    const [lbs, gateways, nics, ips] = await Promise.all([
      shared(
        ctx,
        LIST_LOAD_BALANCERS,
        (s) => network(s).loadBalancers.listAll(opts),
        ctx.session.clients.tokens.network,
      ),
      shared(
        ctx,
        LIST_APPLICATION_GATEWAYS,
        (s) => network(s).applicationGateways.listAll(opts),
        ctx.session.clients.tokens.network,
      ),
      networkInterfaces(ctx),
      publicIpAddresses(ctx),
    ]);
    const configs = ipConfigIndex(nics);
    const byId = new Map(
      ips.flatMap((p) => (p.id && p.ipAddress ? [[p.id.toLowerCase(), p.ipAddress]] : [])),
    );
    for (const raw of lbs) {
      if (!inRegion(raw, ctx.region)) continue;
      const lb = mapLoadBalancer(raw, configs, byId, ctx.map);
      yield { kind: 'load_balancer', record: lb };
      for (const f of raw.frontendIPConfigurations ?? []) {
        yield { kind: 'network_interface', record: mapFrontendInterface(f, lb.native_id, ctx.map) };
      }
    }
    for (const raw of gateways) {
      if (!inRegion(raw, ctx.region)) continue;
      const gw = mapApplicationGateway(raw, configs, byId, ctx.map);
      yield { kind: 'load_balancer', record: gw };
      for (const f of raw.frontendIPConfigurations ?? []) {
        yield { kind: 'network_interface', record: mapFrontendInterface(f, gw.native_id, ctx.map) };
      }
    }
  },
};

/** `mapFrontendInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapFrontendInterface = guardMapper(
  'azure frontend interface',
  mapFrontendInterfaceUnguarded,
  NetworkInterfaceSchema,
);
/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'azure load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
