/**
 * The KubernetesAPISync gRPC contract (DeepFlow `message/agent.proto`, package `agent`), loaded from an
 * embedded protobufjs descriptor so that the built CLI needs no .proto file at run time. `proto/agent.proto`
 * is the readable form; `proto.test.ts` checks that both define the same fields.
 */
import type * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export const SYNC_METHOD = '/agent.Synchronizer/KubernetesAPISync';

/** protobufjs JSON descriptor of proto/agent.proto. */
export const AGENT_PROTO_DESCRIPTOR = {
  nested: {
    agent: {
      options: { go_package: 'agent' },
      nested: {
        Synchronizer: {
          methods: {
            KubernetesAPISync: {
              requestType: 'KubernetesAPISyncRequest',
              responseType: 'KubernetesAPISyncResponse',
            },
          },
        },
        KubernetesAPIInfo: {
          fields: {
            type: { rule: 'optional', type: 'string', id: 1 },
            info: { rule: 'optional', type: 'string', id: 2 },
            compressed_info: { rule: 'optional', type: 'bytes', id: 3 },
          },
        },
        KubernetesAPISyncRequest: {
          fields: {
            cluster_id: { rule: 'optional', type: 'string', id: 1 },
            version: { rule: 'optional', type: 'uint64', id: 2 },
            error_msg: { rule: 'optional', type: 'string', id: 3 },
            agent_id: { rule: 'optional', type: 'uint32', id: 4 },
            source_ip: { rule: 'optional', type: 'string', id: 5 },
            team_id: { rule: 'optional', type: 'string', id: 6 },
            entries: { rule: 'repeated', type: 'KubernetesAPIInfo', id: 10 },
          },
        },
        KubernetesAPISyncResponse: {
          fields: { version: { rule: 'optional', type: 'uint64', id: 1 } },
        },
      },
    },
  },
} as const;

/** Snake-case field names, uint64 as JS numbers (unix seconds fit), bytes as Buffer. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  bytes: Buffer,
  defaults: false,
  oneofs: true,
};

export interface KubernetesApiInfo {
  type?: string;
  info?: string;
  compressed_info?: Buffer;
}

export interface KubernetesApiSyncRequest {
  cluster_id?: string;
  version?: number;
  error_msg?: string;
  agent_id?: number;
  source_ip?: string;
  team_id?: string;
  entries?: KubernetesApiInfo[];
}

export interface KubernetesApiSyncResponse {
  version?: number;
}

let cached: grpc.ServiceDefinition | undefined;

/** The `agent.Synchronizer` service definition (only the KubernetesAPISync method). */
export function synchronizerService(): grpc.ServiceDefinition {
  if (cached) return cached;
  const pkg = protoLoader.fromJSON(
    AGENT_PROTO_DESCRIPTOR as unknown as Parameters<typeof protoLoader.fromJSON>[0],
    LOADER_OPTIONS,
  );
  const def = pkg['agent.Synchronizer'];
  if (def === undefined || !('KubernetesAPISync' in def)) {
    throw new Error('agent.Synchronizer missing from the embedded descriptor');
  }
  cached = def;
  return cached;
}
