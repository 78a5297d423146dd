/**
 * `deepflow-cloud check` probes: every list operation the fetchers declare, asked for its first page in the
 * account's first subscription (ARM has no page-size parameter on these lists). The per-hub connection list
 * uses a real hub when there is one, else a made-up one: ARM checks RBAC before it looks the hub up, so its
 * not-found answer proves the permission.
 */
import { DeepflowCloudError } from '../../errors/errors.js';
import type { Operation, OperationProbe, ProbeContext, ProbeResult } from '../types.js';
import { operationKey } from '../types.js';
import { resourceGroupOf } from './cloud-network.js';
import { leafOf } from './common.js';
import type { AzureSession, Pager, TokenOf } from './pages.js';
import { listPages } from './pages.js';

type Ctx = ProbeContext<AzureSession>;
type Lister = (ctx: Ctx, sub: string) => { pager: Pager<unknown[]>; token: TokenOf<unknown[]> };

const PAGE: ProbeResult = { via: 'page' };
const PLACEHOLDER = 'deepflow-cloud-check';

async function firstPage(ctx: Ctx, op: Operation, list: Lister): Promise<unknown[]> {
  const sub = ctx.session.subscriptionIds[0];
  if (sub === undefined) return [];
  const { pager, token } = list(ctx, sub);
  for await (const page of listPages(ctx, op, ctx.region, () => pager, token)) return page;
  return [];
}

function pageProbe(list: Lister): OperationProbe<AzureSession> {
  return {
    method: 'page',
    run: async (ctx, op) => {
      await firstPage(ctx, op, list);
      return PAGE;
    },
  };
}

const signal = (ctx: Ctx) => ({ abortSignal: ctx.signal });
const net =
  (f: (c: ReturnType<AzureSession['clients']['network']>, ctx: Ctx) => Pager<unknown[]>): Lister =>
  (ctx, sub) => ({
    pager: f(ctx.session.clients.network(sub), ctx),
    token: ctx.session.clients.tokens.network,
  });

const listHubs: Lister = net((c, ctx) => c.virtualHubs.list(signal(ctx)));

const LISTS: Readonly<Record<string, Lister>> = {
  'virtualNetworks.listAll': net((c, ctx) => c.virtualNetworks.listAll(signal(ctx))),
  'networkInterfaces.listAll': net((c, ctx) => c.networkInterfaces.listAll(signal(ctx))),
  'publicIPAddresses.listAll': net((c, ctx) => c.publicIPAddresses.listAll(signal(ctx))),
  'networkSecurityGroups.listAll': net((c, ctx) => c.networkSecurityGroups.listAll(signal(ctx))),
  'routeTables.listAll': net((c, ctx) => c.routeTables.listAll(signal(ctx))),
  'natGateways.listAll': net((c, ctx) => c.natGateways.listAll(signal(ctx))),
  'loadBalancers.listAll': net((c, ctx) => c.loadBalancers.listAll(signal(ctx))),
  'applicationGateways.listAll': net((c, ctx) => c.applicationGateways.listAll(signal(ctx))),
  'virtualHubs.list': listHubs,
  'virtualMachines.listAll': (ctx, sub) => ({
    pager: ctx.session.clients.compute(sub).virtualMachines.listAll(signal(ctx)),
    token: ctx.session.clients.tokens.compute,
  }),
  'managedClusters.list': (ctx, sub) => ({
    pager: ctx.session.clients.containerService(sub).managedClusters.list(signal(ctx)),
    token: ctx.session.clients.tokens.containerService,
  }),
  'redis.listBySubscription': (ctx, sub) => ({
    pager: ctx.session.clients.redis(sub).redis.listBySubscription(signal(ctx)),
    token: ctx.session.clients.tokens.redis,
  }),
  'sqlServers.list': (ctx, sub) => ({
    pager: ctx.session.clients.sql(sub).servers.list(signal(ctx)),
    token: ctx.session.clients.tokens.sql,
  }),
  'mysqlFlexibleServers.list': (ctx, sub) => ({
    pager: ctx.session.clients.mysql(sub).servers.list(signal(ctx)),
    token: ctx.session.clients.tokens.mysql,
  }),
  'postgresFlexibleServers.listBySubscription': (ctx, sub) => ({
    pager: ctx.session.clients.postgres(sub).servers.listBySubscription(signal(ctx)),
    token: ctx.session.clients.tokens.postgres,
  }),
};

const HUBS: Operation = {
  service: 'management',
  action: 'virtualHubs.list',
  required: false,
  permission: 'Microsoft.Network/virtualHubs/read',
};

const hubConnectionsProbe: OperationProbe<AzureSession> = {
  method: 'item',
  run: async (ctx, op) => {
    let hub: string | undefined;
    try {
      const hubs = (await firstPage(ctx, HUBS, listHubs)) as { id?: string }[];
      hub = hubs[0]?.id;
    } catch (e) {
      // Listing hubs has its own row; a denial there only means the placeholder is used.
      if (!(e instanceof DeepflowCloudError) || e.kind === 'aborted') throw e;
    }
    const group = resourceGroupOf(hub) ?? PLACEHOLDER;
    const name = leafOf(hub) ?? PLACEHOLDER;
    try {
      await firstPage(ctx, op, (c, s) => ({
        pager: c.session.clients
          .network(s)
          .hubVirtualNetworkConnections.list(group, name, signal(c)),
        token: c.session.clients.tokens.network,
      }));
      return { via: hub === undefined ? 'placeholder' : 'item' };
    } catch (e) {
      if (e instanceof DeepflowCloudError && e.httpStatus === 404 && hub === undefined) {
        return e.providerCode === undefined
          ? { via: 'placeholder' }
          : { via: 'placeholder', code: e.providerCode };
      }
      throw e;
    }
  },
};

const op = (action: string): string =>
  operationKey({ service: 'management', action, required: false, permission: '' });

export const azureProbes: Readonly<Record<string, OperationProbe<AzureSession>>> = {
  ...Object.fromEntries(
    Object.entries(LISTS).map(([action, list]) => [op(action), pageProbe(list)]),
  ),
  [op('hubVirtualNetworkConnections.list')]: hubConnectionsProbe,
};
