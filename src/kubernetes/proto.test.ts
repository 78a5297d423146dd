import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import {
  AGENT_PROTO_DESCRIPTOR,
  LOADER_OPTIONS,
  SYNC_METHOD,
  synchronizerService,
} from './proto.js';

const PROTO = fileURLToPath(new URL('../../proto/agent.proto', import.meta.url));

function fields(def: protoLoader.PackageDefinition, name: string): unknown {
  const t = def[`agent.${name}`] as {
    type: {
      field: { name: string; number: number; type: string; label: string; typeName: string }[];
    };
  };
  return t.type.field.map((f) => ({
    name: f.name,
    number: f.number,
    type: f.type,
    label: f.label,
    typeName: f.typeName,
  }));
}

describe('kubernetes/proto', () => {
  it('the embedded descriptor equals proto/agent.proto', () => {
    const fromFile = protoLoader.loadSync(PROTO, LOADER_OPTIONS);
    const embedded = protoLoader.fromJSON(
      AGENT_PROTO_DESCRIPTOR as unknown as Parameters<typeof protoLoader.fromJSON>[0],
      LOADER_OPTIONS,
    );
    for (const m of [
      'KubernetesAPIInfo',
      'KubernetesAPISyncRequest',
      'KubernetesAPISyncResponse',
    ]) {
      expect(fields(embedded, m)).toEqual(fields(fromFile, m));
    }
    expect(fields(fromFile, 'KubernetesAPISyncRequest')).toContainEqual(
      expect.objectContaining({ name: 'entries', number: 10, label: 'LABEL_REPEATED' }),
    );
  });

  it('serialises a request and reads it back', () => {
    const m = synchronizerService()['KubernetesAPISync']!;
    expect(m.path).toBe(SYNC_METHOD);
    const bytes = m.requestSerialize({
      cluster_id: 'c',
      version: 1795324439,
      entries: [{ type: '*v1.Pod', compressed_info: Buffer.from([1, 2]) }],
    });
    expect(m.requestDeserialize(bytes)).toEqual({
      cluster_id: 'c',
      version: 1795324439,
      entries: [{ type: '*v1.Pod', compressed_info: Buffer.from([1, 2]) }],
    });
  });
});
