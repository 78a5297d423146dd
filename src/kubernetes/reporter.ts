/**
 * The agent's reporting rules (reference/deepflow.md §4.2): a full set of entries (the apiserver's
 * `*version.Info` plus every object) under a new version when anything changed, a heartbeat with the same
 * version and no entries otherwise, and a full resend at once when the server answers another version.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Clock } from '../transport/clock.js';
import type { SyncSender } from './grpc-client.js';
import type { KubernetesApiInfo, KubernetesApiSyncRequest } from './proto.js';
import type { ResourceWatcher } from './watcher.js';

/** When the server holds no version for us (agent_id 0 answers none), resend everything this often: the server ages data out after 24 h. */
export const FULL_RESEND_MS = 3_600_000;

export interface ReporterOptions {
  clusterId: string;
  sourceIp?: string;
  agentId?: number;
  teamId?: string;
  clock: Clock;
}

export interface ReportResult {
  kind: 'full' | 'heartbeat' | 'error';
  version: number;
  entries: number;
  /** True when the server's version differed and everything was sent again. */
  resent: boolean;
  /** Resources that never listed: their absence would delete them on the server, so no entries were sent. */
  notReady: string[];
}

export class Reporter {
  private readonly opts: ReporterOptions;
  version: number;
  /** The content the current version stands for. */
  private versionSignature: string | undefined;
  /** The version whose full set the server last accepted. */
  private sentVersion: number | undefined;
  private lastFullAt: number | undefined;
  /** True once the server answered a version (agent_id ≠ 0): it then asks for resends itself. */
  private serverTracksVersion = false;

  constructor(opts: ReporterOptions) {
    this.opts = opts;
    // The agent seeds the version with the unix seconds at start.
    this.version = Math.floor(opts.clock.now() / 1000);
  }

  private base(errors: readonly string[]): KubernetesApiSyncRequest {
    const req: KubernetesApiSyncRequest = {
      cluster_id: this.opts.clusterId,
      version: this.version,
    };
    if (errors.length > 0) req.error_msg = errors.join(';');
    if (this.opts.sourceIp !== undefined) req.source_ip = this.opts.sourceIp;
    if (this.opts.agentId !== undefined && this.opts.agentId !== 0)
      req.agent_id = this.opts.agentId;
    if (this.opts.teamId !== undefined) req.team_id = this.opts.teamId;
    return req;
  }

  private full(
    watchers: readonly ResourceWatcher[],
    versionInfo: string,
    errors: readonly string[],
  ): KubernetesApiSyncRequest {
    const entries: KubernetesApiInfo[] = [
      { type: '*version.Info', compressed_info: deflateSync(versionInfo) },
    ];
    for (const w of watchers) {
      for (const s of w.entries())
        entries.push({ type: w.resource.pbType, compressed_info: s.compressed });
    }
    return { ...this.base(errors), entries };
  }

  /** Sends one report through `sender`. */
  async report(
    sender: SyncSender,
    watchers: readonly ResourceWatcher[],
    versionInfo: string,
    extraErrors: readonly string[] = [],
  ): Promise<ReportResult> {
    const errors = [
      ...extraErrors,
      ...watchers.flatMap((w) => (w.error === undefined ? [] : [w.error])),
    ];
    const notReady = watchers.filter((w) => !w.ready).map((w) => w.resource.name);
    if (notReady.length > 0) {
      // Never send a partial set as if it were whole: the server deletes what is missing.
      await sender.send(
        this.base(errors.length > 0 ? errors : [`not listed yet: ${notReady.join(', ')}`]),
      );
      return { kind: 'error', version: this.version, entries: 0, resent: false, notReady };
    }
    const signature = [versionInfo, ...watchers.map((w) => `${w.resource.path}=${w.version}`)].join(
      '\n',
    );
    if (signature !== this.versionSignature) {
      // A new version only when the content changed (the first version is the start time).
      if (this.versionSignature !== undefined) this.version++;
      this.versionSignature = signature;
    }
    const now = this.opts.clock.now();
    const sendFull = async (resent: boolean): Promise<ReportResult> => {
      const req = this.full(watchers, versionInfo, errors);
      const res = await sender.send(req);
      if (res.version !== undefined) this.serverTracksVersion = true;
      this.sentVersion = this.version;
      this.lastFullAt = now;
      const entries = req.entries?.length ?? 0;
      return { kind: 'full', version: this.version, entries, resent, notReady };
    };
    const stale = this.lastFullAt === undefined || now - this.lastFullAt >= FULL_RESEND_MS;
    if (this.sentVersion !== this.version || (stale && !this.serverTracksVersion)) {
      return sendFull(false);
    }
    const res = await sender.send(this.base(errors));
    if (res.version !== undefined) this.serverTracksVersion = true;
    if (res.version !== undefined && res.version !== this.version) return sendFull(true);
    return { kind: 'heartbeat', version: this.version, entries: 0, resent: false, notReady };
  }
}

/** The request as JSON for `--output`: bytes as base64 (proto3 JSON mapping) plus each entry decoded. */
export function requestToJson(req: KubernetesApiSyncRequest): Record<string, unknown> {
  return {
    ...req,
    entries: (req.entries ?? []).map((e) => ({
      type: e.type,
      compressed_info: e.compressed_info?.toString('base64'),
      object: e.compressed_info
        ? (JSON.parse(inflateSync(e.compressed_info).toString('utf8')) as unknown)
        : undefined,
    })),
  };
}
