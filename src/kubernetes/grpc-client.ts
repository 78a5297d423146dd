/** The KubernetesAPISync client (@grpc/grpc-js), plaintext as the agent's default port 20035/30035 speaks. */
import * as grpc from '@grpc/grpc-js';
import { NetworkError } from '../errors/errors.js';
import type { Clock } from '../transport/clock.js';
import type { KubernetesApiSyncRequest, KubernetesApiSyncResponse } from './proto.js';
import { SYNC_METHOD, synchronizerService } from './proto.js';

/** DeepFlow's `grpc-max-message-length`. */
export const MAX_MESSAGE_BYTES = 104_857_600;

export interface SyncSender {
  send(req: KubernetesApiSyncRequest): Promise<KubernetesApiSyncResponse>;
  close(): void;
}

export function grpcSender(address: string, opts: { timeoutMs: number; clock: Clock }): SyncSender {
  const method = synchronizerService()['KubernetesAPISync'];
  if (method === undefined)
    throw new Error('KubernetesAPISync missing from the service definition');
  const client = new grpc.Client(address, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  });
  return {
    send: (req) =>
      new Promise((resolve, reject) => {
        client.makeUnaryRequest<KubernetesApiSyncRequest, KubernetesApiSyncResponse>(
          SYNC_METHOD,
          (r) => method.requestSerialize(r),
          (b) => method.responseDeserialize(b) as KubernetesApiSyncResponse,
          req,
          new grpc.Metadata(),
          { deadline: new Date(opts.clock.now() + opts.timeoutMs) },
          (err, res) => {
            if (err) {
              reject(
                new NetworkError(`KubernetesAPISync to ${address}: ${err.details || err.message}`, {
                  operation: 'KubernetesAPISync',
                  providerCode: grpc.status[err.code],
                  cause: err,
                }),
              );
            } else resolve(res ?? {});
          },
        );
      }),
    close: () => {
      client.close();
    },
  };
}
