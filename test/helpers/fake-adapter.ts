import { z } from 'zod';
import { errorOfKind } from '../../src/errors/errors.js';
import type { DeepflowCloudError } from '../../src/errors/errors.js';
import type { ErrorKind, KindRecord, ResourceKind } from '../../src/model/index.js';
import { resourceId } from '../../src/model/index.js';
import type {
  FetchContext,
  Operation,
  ProviderAdapter,
  RegionInfo,
  ResourceFetcher,
} from '../../src/providers/types.js';

/** A failure a fake operation raises: an error kind (classified like a provider would). */
export class FakeFailure extends Error {
  readonly errorKind: ErrorKind;
  constructor(errorKind: ErrorKind) {
    super(`fake ${errorKind}`);
    this.errorKind = errorKind;
  }
}

export interface FakeBehaviour {
  regions: RegionInfo[];
  /** `kind@region` → failure; `*@region` fails every kind there. */
  failures?: Record<string, ErrorKind>;
  /** Observed order of task starts (`kind@region`). */
  started?: string[];
  /** Concurrency observed inside ctx.call. */
  inflight?: { now: number; max: number };
  connectFailure?: ErrorKind;
  /** `kind@region` → fail this many times with this kind, then succeed. */
  transient?: Record<string, { times: number; kind: ErrorKind }>;
  /** Calls made per `kind@region`. */
  calls?: Record<string, number>;
  /** Delay per call (real time), to observe overlap. */
  delayMs?: number;
}

const op = (action: string, required: boolean): Operation => ({
  service: 'fake',
  action,
  required,
  permission: `fake:${action}`,
});

function vpcRecord(ctx: FetchContext<unknown>, n: number): KindRecord {
  return {
    kind: 'vpc',
    record: {
      id: resourceId(ctx.map, 'vpc', `vpc-${n}`),
      native_id: `vpc-${n}`,
      name: `vpc-${n}`,
      provider: ctx.provider,
      account: ctx.account,
      region: ctx.region,
      tags: {},
      cidrs: ['10.0.0.0/16'],
      is_default: false,
      state: 'available',
    },
  };
}

function zoneRecord(ctx: FetchContext<unknown>): KindRecord {
  return {
    kind: 'zone',
    record: {
      id: resourceId(ctx.map, 'zone', `${ctx.region}a`),
      native_id: `${ctx.region}a`,
      name: `${ctx.region}a`,
      provider: ctx.provider,
      account: ctx.account,
      region: ctx.region,
      tags: {},
      state: 'available',
    },
  };
}

/** An in-memory adapter that implements the contract (used to test the scheduler without any cloud). */
export function fakeAdapter(b: FakeBehaviour): ProviderAdapter<{ key: string }, { id: string }> {
  const fetcher = (
    kind: ResourceKind,
    operation: Operation,
    make: (ctx: FetchContext<unknown>) => KindRecord[],
  ): ResourceFetcher<{ id: string }> => ({
    kind,
    scope: 'regional',
    operations: [operation],
    async *fetch(ctx) {
      b.started?.push(`${kind}@${ctx.region}`);
      const records = await ctx.call(operation, ctx.region, async () => {
        if (b.inflight) {
          b.inflight.now += 1;
          b.inflight.max = Math.max(b.inflight.max, b.inflight.now);
        }
        await new Promise((r) => setTimeout(r, b.delayMs ?? 0));
        if (b.inflight) b.inflight.now -= 1;
        const key = `${kind}@${ctx.region}`;
        if (b.calls) b.calls[key] = (b.calls[key] ?? 0) + 1;
        const transient = b.transient?.[key];
        if (transient && transient.times > 0) {
          transient.times -= 1;
          throw new FakeFailure(transient.kind);
        }
        const failure = b.failures?.[key] ?? b.failures?.[`*@${ctx.region}`];
        if (failure) throw new FakeFailure(failure);
        return make(ctx);
      });
      yield* records;
    },
  });
  return {
    name: 'aws',
    spec: {
      name: 'aws',
      credentials: z.object({ key: z.string() }).strict(),
      secretKeys: ['key'],
      credentialEnv: { key: 'FAKE_KEY' },
      options: z.object({}),
      services: ['fake'],
      knownRegions: b.regions.map((r) => ({ id: r.id })),
    },
    retries: 'ours',
    accountOperations: [op('Connect', true), op('ListRegions', true)],
    connect: async (creds, ctx) => {
      await ctx.call(op('Connect', true), 'global', () => {
        if (b.connectFailure) throw new FakeFailure(b.connectFailure);
        return Promise.resolve();
      });
      return { id: `acct-${creds.key}` };
    },
    accountId: (s) => s.id,
    listRegions: () => Promise.resolve(b.regions),
    fetchers: [
      fetcher('vpc', op('DescribeVpcs', true), (ctx) => [vpcRecord(ctx, 1), vpcRecord(ctx, 2)]),
      fetcher('zone', op('DescribeZones', false), (ctx) => [zoneRecord(ctx)]),
    ],
    classify: (err, o, region): DeepflowCloudError =>
      err instanceof FakeFailure
        ? errorOfKind(err.errorKind, `${o.action} failed in ${region}`, {
            provider: 'aws',
            region,
            operation: `${o.service}:${o.action}`,
            httpStatus: err.errorKind === 'provider_error' ? 503 : undefined,
          })
        : errorOfKind('provider_error', String(err)),
  };
}
