import type { KindRecord, LbListener, LbTarget } from '../../model/index.js';
import { collect, collectInOrder, mapInOrder } from '../../transport/concurrent.js';
import type { FetchContext } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, nonEmpty } from './common.js';
import { lbInterface, mapListener, mapLoadBalancer, mapTarget } from './load-balancer-map.js';
import type * as wire from './wire.js';

const DESCRIBE_APP_LOAD_BALANCERS = baiduOperation('blb', 'DescribeAppLoadBalancers', false);
const DESCRIBE_APP_LISTENERS = baiduOperation('blb', 'DescribeAppAllListeners', false);
const DESCRIBE_APP_POLICIES = baiduOperation('blb', 'DescribeAppPolicys', false);
const DESCRIBE_APP_BACKEND_SERVERS = baiduOperation('blb', 'DescribeBlbRs', false);

export const APP_OPERATIONS = [
  DESCRIBE_APP_LOAD_BALANCERS,
  DESCRIBE_APP_LISTENERS,
  DESCRIBE_APP_POLICIES,
  DESCRIBE_APP_BACKEND_SERVERS,
];

type Ctx = FetchContext<BaiduSession>;

/** The servers of one server group, with the health of the given backend port. */
async function groupTargets(ctx: Ctx, base: string, groupId: string, port: number | undefined) {
  const out: LbTarget[] = [];
  const servers = listByMarker<wire.ListAppBackendServers, wire.AppBackendServer>(
    ctx,
    DESCRIBE_APP_BACKEND_SERVERS,
    ctx.region,
    `${base}/blbrs`,
    { sgId: groupId },
    (p) => p.backendServerList,
  );
  for await (const s of servers) {
    if (!s.instanceId) continue;
    const onPort = s.portList?.find((p) => p.port === port) ?? s.portList?.[0];
    out.push(
      mapTarget(s.instanceId, ctx.map, {
        ip: s.privateIp,
        port: onPort?.port ?? port,
        weight: s.weight,
        status: onPort?.status,
      }),
    );
  }
  return out;
}

/**
 * An application BLB's listeners forward through policies to server groups: the listeners, then each one's
 * policies (concurrently), then the servers of each (group, backend port) the policies name, asked once.
 */
async function appListeners(ctx: Ctx, blbId: string): Promise<LbListener[]> {
  const base = `/v1/appblb/${encodeURIComponent(blbId)}`;
  const listeners = await collect(
    listByMarker<wire.ListBlbListeners, wire.BlbListener>(
      ctx,
      DESCRIBE_APP_LISTENERS,
      ctx.region,
      `${base}/listener`,
      {},
      (p) => p.listenerList,
    ),
  );
  const policies = await collectInOrder(listeners, (l) =>
    collect(
      listByMarker<wire.ListAppPolicies, wire.AppPolicy>(
        ctx,
        DESCRIBE_APP_POLICIES,
        ctx.region,
        `${base}/policys`,
        { port: l.listenerPort ?? 0, type: (l.listenerType ?? 'HTTP').toUpperCase() },
        (p) => p.policyList,
      ),
    ),
  );
  const groups = new Map<string, { id: string; port: number | undefined }>();
  for (const p of policies.flat()) {
    const id = nonEmpty(p.appServerGroupId);
    if (id !== undefined) groups.set(`${id}:${p.backendPort ?? ''}`, { id, port: p.backendPort });
  }
  const keys = [...groups.keys()];
  const servers = await collectInOrder([...groups.values()], (g) =>
    groupTargets(ctx, base, g.id, g.port),
  );
  const byKey = new Map(keys.map((k, i) => [k, servers[i] ?? []]));
  return listeners.map((l, i) => {
    const targets: LbTarget[] = [];
    for (const p of policies[i] ?? []) {
      for (const t of byKey.get(`${p.appServerGroupId ?? ''}:${p.backendPort ?? ''}`) ?? []) {
        if (!targets.some((x) => x.native_id === t.native_id && x.port === t.port)) targets.push(t);
      }
    }
    return mapListener(l, targets);
  });
}

export async function* fetchAppLoadBalancers(
  ctx: Ctx,
): AsyncGenerator<KindRecord, void, undefined> {
  const blbs = await collect(
    listByMarker<wire.ListBlbs, wire.Blb>(
      ctx,
      DESCRIBE_APP_LOAD_BALANCERS,
      ctx.region,
      '/v1/appblb',
      {},
      (p) => p.blbList,
    ),
  );
  const withListeners = mapInOrder(
    blbs.filter((b) => nonEmpty(b.blbId) !== undefined),
    async (raw) => ({ raw, listeners: await appListeners(ctx, raw.blbId ?? '') }),
  );
  for await (const { raw, listeners } of withListeners) {
    yield {
      kind: 'load_balancer',
      record: mapLoadBalancer(raw, 'application', listeners, ctx.map),
    };
    yield { kind: 'network_interface', record: lbInterface(raw, raw.blbId ?? '', ctx.map) };
  }
}
