import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  inRegion,
  lookup,
  nonEmpty,
  parentOf,
  ref,
  refs,
  zoneRef,
} from './common.js';
import {
  LIST_NETWORK_INTERFACES,
  networkInterfaces,
  primaryIpConfig,
} from './network-interface.js';
import type * as wire from './wire.js';

export const LIST_VIRTUAL_MACHINES = azureOperation(
  'virtualMachines.listAll',
  'Microsoft.Compute/virtualMachines/read',
  true,
);

export function virtualMachines(ctx: FetchContext<AzureSession>): Promise<wire.VirtualMachine[]> {
  return shared(
    ctx,
    LIST_VIRTUAL_MACHINES,
    // statusOnly=true adds each VM's instance view (its power state) to the listing.
    (sub) =>
      ctx.session.clients
        .compute(sub)
        .virtualMachines.listAll({ statusOnly: 'true', abortSignal: ctx.signal }),
    ctx.session.clients.tokens.compute,
  );
}

/** `PowerState/<code>` of the instance view. */
const POWER_STATE: Readonly<Record<string, RunState>> = {
  running: 'running',
  starting: 'pending',
  stopping: 'pending',
  stopped: 'stopped',
  deallocating: 'pending',
  deallocated: 'stopped',
};

export function vmState(raw: wire.VirtualMachine): RunState {
  const code = raw.instanceView?.statuses
    ?.map((s) => s.code ?? '')
    .find((c) => c.startsWith('PowerState/'));
  if (code !== undefined) return lookup(POWER_STATE, code.slice('PowerState/'.length), 'unknown');
  return raw.provisioningState === 'Failed' ? 'error' : 'unknown';
}

function imageOf(raw: wire.VirtualMachine): string | undefined {
  const img = raw.storageProfile?.imageReference;
  if (img === undefined) return undefined;
  if (img.id) return armId(img.id);
  const parts = [img.publisher, img.offer, img.sku, img.version];
  return parts.every((p) => p) ? parts.join(':') : undefined;
}

/** A VM; its subnet, VPC, primary IP and security groups come from its NICs (passed in by id). */
function mapVmUnguarded(
  raw: wire.VirtualMachine,
  nicsById: ReadonlyMap<string, wire.NetworkInterface>,
  ctx: MapContext,
): Vm {
  const nativeId = armId(raw.id) ?? '';
  const nicRefs = raw.networkProfile?.networkInterfaces ?? [];
  const primaryRef = nicRefs.find((n) => n.primary === true) ?? nicRefs[0];
  const nics = nicRefs.flatMap((n) => nicsById.get(armId(n.id) ?? '') ?? []);
  const primaryNic = nicsById.get(armId(primaryRef?.id) ?? '');
  const ipConfig = primaryNic === undefined ? undefined : primaryIpConfig(primaryNic);
  const subnet = armId(ipConfig?.subnet?.id);
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  const zone = zoneRef(ctx, raw.zones?.[0]);
  const ip = nonEmpty(ipConfig?.privateIPAddress);
  const type = nonEmpty(raw.hardwareProfile?.vmSize);
  const image = imageOf(raw);
  const host = nonEmpty(raw.osProfile?.computerName);
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
      raw.timeCreated,
    ),
    state: vmState(raw),
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    ...(zone === undefined ? {} : { zone_id: zone }),
    ...(subnet === undefined ? {} : { subnet_id: ref(ctx, 'subnet', subnet) }),
    ...(ip === undefined ? {} : { primary_ip: ip }),
    ...(type === undefined ? {} : { instance_type: type }),
    ...(image === undefined ? {} : { image_id: image }),
    ...(host === undefined ? {} : { hostname: host }),
    security_group_ids: refs(
      ctx,
      'security_group',
      nics.map((n) => n.networkSecurityGroup?.id),
    ),
  };
}

export const vmFetcher: ResourceFetcher<AzureSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [LIST_VIRTUAL_MACHINES, LIST_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const [vms, nics] = await Promise.all([virtualMachines(ctx), networkInterfaces(ctx)]);
    const byId = new Map(
      nics.flatMap((n) => (n.id === undefined ? [] : [[n.id.toLowerCase(), n]])),
    );
    for (const raw of vms) {
      if (inRegion(raw, ctx.region)) yield { kind: 'vm', record: mapVm(raw, byId, ctx.map) };
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('azure vm', mapVmUnguarded, VmSchema);
