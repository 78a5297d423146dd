/**
 * A test deepflow-server for KubernetesAPISync on 127.0.0.1, with the server's version rules
 * (reference/deepflow.md §4.1): version 0 or no cluster id → ignored; with agent_id ≠ 0, a request without
 * entries whose version differs from the stored one is answered with the stored version (asking for a full
 * set), otherwise the message is stored and its version answered; with agent_id 0, only messages with
 * entries are stored and no version is answered. Every entry is zlib-inflated, as the server's store does.
 */
import { inflateSync } from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import type {
  KubernetesApiSyncRequest,
  KubernetesApiSyncResponse,
} from '../../kubernetes/proto.js';
import { synchronizerService } from '../../kubernetes/proto.js';

export interface StoredCluster {
  version: number;
  errorMsg: string;
  /** type → decoded objects, as the server's store keeps them. */
  entries: Map<string, unknown[]>;
}

export interface RecordedSync {
  clusterId: string;
  version: number;
  agentId: number;
  errorMsg: string;
  sourceIp: string;
  entries: { type: string; object: unknown }[];
  /** Set when an entry failed to inflate or parse. */
  decodeError?: string;
  response: KubernetesApiSyncResponse;
}

export interface RunningSyncServer {
  address: string;
  port: number;
  requests: RecordedSync[];
  clusters: Map<string, StoredCluster>;
  /** Forgets a cluster's stored version (the server's aging, or a restart). */
  forget(clusterId: string): void;
  close(): Promise<void>;
}

export async function startSyncServer(opts: { port?: number } = {}): Promise<RunningSyncServer> {
  const requests: RecordedSync[] = [];
  const clusters = new Map<string, StoredCluster>();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 104_857_600,
  });
  server.addService(synchronizerService(), {
    KubernetesAPISync: (
      call: grpc.ServerUnaryCall<KubernetesApiSyncRequest, KubernetesApiSyncResponse>,
      callback: grpc.sendUnaryData<KubernetesApiSyncResponse>,
    ) => {
      const req = call.request;
      const clusterId = req.cluster_id ?? '';
      const version = req.version ?? 0;
      const agentId = req.agent_id ?? 0;
      const rec: RecordedSync = {
        clusterId,
        version,
        agentId,
        errorMsg: req.error_msg ?? '',
        sourceIp: req.source_ip ?? '',
        entries: [],
        response: {},
      };
      const decoded = new Map<string, unknown[]>();
      for (const e of req.entries ?? []) {
        try {
          const object = JSON.parse(
            inflateSync(e.compressed_info ?? Buffer.alloc(0)).toString('utf8'),
          ) as unknown;
          rec.entries.push({ type: e.type ?? '', object });
          const list = decoded.get(e.type ?? '') ?? [];
          list.push(object);
          decoded.set(e.type ?? '', list);
        } catch (err) {
          rec.decodeError = err instanceof Error ? err.message : String(err);
        }
      }
      const store = (): void => {
        clusters.set(clusterId, { version, errorMsg: rec.errorMsg, entries: decoded });
      };
      let response: KubernetesApiSyncResponse = {};
      if (version !== 0 && clusterId !== '') {
        const stored = clusters.get(clusterId);
        const hasEntries = (req.entries ?? []).length > 0;
        if (agentId !== 0) {
          const storedVersion = stored?.version ?? 0;
          if (storedVersion !== version && !hasEntries) {
            response = { version: storedVersion };
          } else {
            if (hasEntries) store();
            else if (stored) stored.errorMsg = rec.errorMsg;
            response = { version };
          }
        } else if (hasEntries) {
          store();
        }
      }
      rec.response = response;
      requests.push(rec);
      callback(null, response);
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `127.0.0.1:${opts.port ?? 0}`,
      grpc.ServerCredentials.createInsecure(),
      (err, p) => {
        if (err) reject(err);
        else resolve(p);
      },
    );
  });
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    clusters,
    forget: (id) => {
      const c = clusters.get(id);
      if (c) c.version = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      }),
  };
}
