/**
 * `--format ndjson` as records arrive. When nothing needs the whole document at the end (no push, no state),
 * the sync keeps no record: each record's line goes to a private spill file as it arrives (a task's stage),
 * and is copied to the output when its task succeeds (a failed task still writes nothing); then a trailer
 * with the accounts and errors. What remains in memory per record is its id and place in the spill (to
 * write each id once), a tally reference for the summary, and its share of the account version. Lines are
 * in arrival order, not id order: a consumer that needs order sorts.
 */
import type { AnyRecord, Inventory, KindRecord, ResourceKind } from '../model/index.js';
import type { RecordStream } from './record-stream.js';
import { createTally } from './record-stream.js';
import type { SpillPlace } from './spill-file.js';
import { IdSet } from './id-set.js';
import { SpillStore } from './spill.js';
import type { Sink } from './write.js';
import { ndjsonHeader, ndjsonRecordLine, ndjsonTrailer } from './write.js';

/** Lines are gathered up to this size before a write. */
const CHUNK_CHARS = 1 << 20;

export async function openNdjsonStream(
  sink: Sink,
  header: Pick<Inventory, 'schema_version' | 'tool' | 'generated_at'>,
  chunkChars: number = CHUNK_CHARS,
): Promise<RecordStream> {
  // (kind, id) pairs written, as fingerprints: the ids themselves are not kept (src/output/id-set.ts).
  const written = new IdSet();

  const tally = createTally();
  let spill: SpillStore | undefined;
  let buffer: string[] = [];
  let size = 0;
  await sink.write(ndjsonHeader(header));
  // Writes go one after another; the first failure is kept and reported by finish().
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  const flush = (): void => {
    if (size === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    queue = queue.then(() => sink.write(text));
    queue.catch((e: unknown) => {
      failure ??= e;
    });
  };
  const settle = async (): Promise<void> => {
    flush();
    await queue.catch(() => undefined);
    if (failure !== undefined) {
      throw failure instanceof Error ? failure : new Error('could not write the output');
    }
  };
  return {
    records(krs: readonly KindRecord[]) {
      for (const kr of krs) {
        // Each id once per kind, the first to arrive.
        if (!written.add(kr.kind, kr.record.id)) continue;
        const line = ndjsonRecordLine(kr);
        buffer.push(line);
        size += line.length;
        tally.add(kr.kind, kr.record);
      }
      if (size >= chunkChars) flush();
    },
    stage() {
      // A task's lines wait in a private spill file (not in memory) until the task ends, then are copied out.
      // Per line, in columns: the (kind, id) fingerprint (not the id), the tally's shared stand-in and the
      // place in the spill.
      let fingerprints: number[] = [];
      let kinds: ResourceKind[] = [];
      let standIns: AnyRecord[] = [];
      let offsets: number[] = [];
      let lengths: number[] = [];
      const clear = (): void => {
        fingerprints = [];
        kinds = [];
        standIns = [];
        offsets = [];
        lengths = [];
      };
      return {
        add(kr: KindRecord) {
          spill ??= new SpillStore();
          const place = spill.append(ndjsonRecordLine(kr));
          offsets.push(place.offset);
          lengths.push(place.length);
          fingerprints.push(...IdSet.fingerprint(kr.kind, kr.record.id));
          kinds.push(kr.kind);
          standIns.push(tally.standIn(kr.record));
        },
        async commit() {
          const mine: SpillPlace[] = [];
          for (let i = 0; i < kinds.length; i++) {
            const kind = kinds[i];
            const standIn = standIns[i];
            // Each id once per kind, the first to arrive.
            if (kind === undefined || !written.addFingerprint(fingerprints.slice(4 * i, 4 * i + 4)))
              continue;
            if (standIn !== undefined) tally.addStandIn(kind, standIn);
            mine.push({ offset: offsets[i] ?? 0, length: lengths[i] ?? 0 });
          }
          clear();
          flush();
          const store = spill;
          if (store === undefined || mine.length === 0) return;
          queue = queue.then(async () => {
            let chunk: string[] = [];
            let n = 0;
            for (const place of mine) {
              const text = store.read(place);
              chunk.push(text);
              n += text.length;
              if (n >= chunkChars) {
                await sink.write(chunk.join(''));
                chunk = [];
                n = 0;
              }
            }
            if (n > 0) await sink.write(chunk.join(''));
          });
          queue.catch((e: unknown) => {
            failure ??= e;
          });
          await queue.catch(() => undefined);
        },
        discard: clear,
      };
    },
    tally: () => tally.lists(),
    async finish(inv) {
      try {
        await settle();
        await sink.write(ndjsonTrailer(inv as Inventory));
        await sink.commit();
      } finally {
        spill?.close();
      }
    },
    async abort() {
      spill?.close();
      flush();
      await queue.catch(() => undefined);
      await sink.abort();
    },
  };
}

export type { RecordStage, RecordStream } from './record-stream.js';
