import type { KindRecord, LbListener } from '../../model/index.js';
import { collect, collectInOrder, mapInOrder } from '../../transport/concurrent.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { baiduOperation, nonEmpty } from './common.js';
import { APP_OPERATIONS, fetchAppLoadBalancers } from './load-balancer-app.js';
import { lbInterface, mapListener, mapLoadBalancer, mapTarget } from './load-balancer-map.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const DESCRIBE_LOAD_BALANCERS = baiduOperation('blb', 'DescribeLoadBalancers', false);
const DESCRIBE_LISTENERS = baiduOperation('blb', 'DescribeAllListeners', false);
const DESCRIBE_BACKEND_SERVERS = baiduOperation('blb', 'DescribeBackendServers', false);

type Ctx = FetchContext<BaiduSession>;

/** A classic BLB's listeners, each with its backends and their health on it (asked concurrently). */
async function classicListeners(ctx: Ctx, blbId: string): Promise<LbListener[]> {
  const base = `/v1/blb/${encodeURIComponent(blbId)}`;
  const listeners = await collect(
    listByMarker<wire.ListBlbListeners, wire.BlbListener>(
      ctx,
      DESCRIBE_LISTENERS,
      ctx.region,
      `${base}/listener`,
      {},
      (p) => p.listenerList,
    ),
  );
  return collectInOrder(listeners, async (l) => {
    const servers = await collect(
      listByMarker<wire.ListBackendServers, wire.BackendServer>(
        ctx,
        DESCRIBE_BACKEND_SERVERS,
        ctx.region,
        `${base}/backendserver`,
        { listenerPort: l.listenerPort ?? 0 },
        (p) => p.backendServerList,
      ),
    );
    const targets = servers.flatMap((s) =>
      s.instanceId
        ? [
            mapTarget(s.instanceId, ctx.map, {
              ip: s.privateIp,
              port: l.backendPort,
              weight: s.weight,
              status: s.status,
            }),
          ]
        : [],
    );
    return mapListener(l, targets);
  });
}

async function* fetchClassicLoadBalancers(ctx: Ctx): AsyncGenerator<KindRecord, void, undefined> {
  const blbs = await collect(
    listByMarker<wire.ListBlbs, wire.Blb>(
      ctx,
      DESCRIBE_LOAD_BALANCERS,
      ctx.region,
      '/v1/blb',
      {},
      (p) => p.blbList,
    ),
  );
  const withListeners = mapInOrder(
    blbs.filter((b) => nonEmpty(b.blbId) !== undefined),
    async (raw) => ({ raw, listeners: await classicListeners(ctx, raw.blbId ?? '') }),
  );
  for await (const { raw, listeners } of withListeners) {
    yield { kind: 'load_balancer', record: mapLoadBalancer(raw, 'classic', listeners, ctx.map) };
    yield { kind: 'network_interface', record: lbInterface(raw, raw.blbId ?? '', ctx.map) };
  }
}

/**
 * Classic BLBs and application BLBs (two independent chains, run side by side), each with its listeners and
 * their backends (DeepFlow has neither).
 */
export const loadBalancerFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'load_balancer',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [
    DESCRIBE_LOAD_BALANCERS,
    DESCRIBE_LISTENERS,
    DESCRIBE_BACKEND_SERVERS,
    ...APP_OPERATIONS,
  ],
  async *fetch(ctx) {
    const app = collect(fetchAppLoadBalancers(ctx));
    // Awaited below; this only keeps an early failure from being reported as unhandled.
    app.catch(() => undefined);
    yield* fetchClassicLoadBalancers(ctx);
    yield* await app;
  },
};
