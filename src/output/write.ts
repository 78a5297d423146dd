import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Inventory, KindRecord } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';

export type OutputFormat = 'json' | 'ndjson';

/** A destination that is either stdout or a file written atomically (temp file in the same folder + rename). */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Makes the output visible (rename into place). */
  commit(): Promise<void>;
  /** Drops a partial output (the temp file is removed; the previous file stays untouched). */
  abort(): Promise<void>;
}

export function stdoutSink(out: Writable): Sink {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        out.write(chunk, (err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
    commit: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}

export async function atomicFileSink(path: string): Promise<Sink> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh: FileHandle = await open(tmp, 'wx', 0o600);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await fh.close();
    }
  };
  return {
    write: async (chunk) => {
      await fh.write(chunk);
    },
    commit: async () => {
      await fh.sync();
      await close();
      await rename(tmp, path);
    },
    abort: async () => {
      await close();
      await unlink(tmp).catch(() => undefined);
    },
  };
}

/** The whole document as pretty JSON. */
export function renderJson(inv: Inventory): string {
  return `${JSON.stringify(inv, null, 2)}\n`;
}

/** One ndjson line of a record: `{"type":"vm","data":{...}}`. */
export function ndjsonRecordLine(kr: KindRecord): string {
  return `${JSON.stringify({ type: kr.kind, data: kr.record })}\n`;
}

/** The ndjson header line (first line of the stream). */
export function ndjsonHeader(
  inv: Pick<Inventory, 'schema_version' | 'tool' | 'generated_at'>,
): string {
  return `${JSON.stringify({ type: 'header', data: { schema_version: inv.schema_version, tool: inv.tool, generated_at: inv.generated_at } })}\n`;
}

/** The closing lines of an ndjson stream: one per account and one per error. */
export function ndjsonTrailer(inv: Inventory): string {
  return (
    inv.accounts.map((a) => JSON.stringify({ type: 'account', data: a })).join('\n') +
    (inv.accounts.length ? '\n' : '') +
    inv.errors.map((e) => JSON.stringify({ type: 'error', data: e })).join('\n') +
    (inv.errors.length ? '\n' : '')
  );
}

/** All records of a finished document as ndjson lines, in id order per kind. */
export function renderNdjsonRecords(inv: Inventory): string {
  let out = '';
  for (const kind of RESOURCE_KINDS) {
    for (const record of inv[KIND_KEYS[kind]])
      out += ndjsonRecordLine({ kind, record } as KindRecord);
  }
  return out;
}

/** Chunks are gathered up to this size before a write, so a large document is written in bounded pieces. */
const CHUNK_BYTES = 1 << 20;

/** A buffered writer over a sink: `push` text, `flush` at the end. */
function chunked(sink: Sink): { push(text: string): Promise<void>; flush(): Promise<void> } {
  let buf: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const text = buf.join('');
    buf = [];
    size = 0;
    await sink.write(text);
  };
  return {
    push: async (text) => {
      buf.push(text);
      size += text.length;
      if (size >= CHUNK_BYTES) await flush();
    },
    flush,
  };
}

/** A record (or any item of a top-level list) as it appears in the pretty JSON document. */
export function jsonItem(item: unknown): string {
  return JSON.stringify(item, null, 2).replaceAll('\n', '\n    ');
}

/** A top-level list whose items are already rendered by `jsonItem` (e.g. read back from a spill). */
export interface RenderedList {
  rendered(): Iterable<string>;
}

function isRendered(value: unknown): value is RenderedList {
  return typeof value === 'object' && value !== null && 'rendered' in value;
}

/**
 * Writes the document as pretty JSON, byte for byte what `renderJson` returns, one record at a time: the
 * whole text of a large inventory is never held in memory.
 */
export async function writeJson(inv: Inventory, sink: Sink): Promise<void> {
  await writeJsonParts(Object.entries(inv as unknown as Record<string, unknown>), sink);
}

/**
 * `writeJson` over (key, value) pairs in document order; a value may be a `RenderedList` (non-empty), written
 * as the array of its items. Undefined values are left out, as `JSON.stringify` does.
 */
export async function writeJsonParts(
  parts: readonly (readonly [string, unknown])[],
  sink: Sink,
): Promise<void> {
  const out = chunked(sink);
  const entries = parts.filter(([, v]) => v !== undefined);
  await out.push('{');
  for (const [i, [key, value]] of entries.entries()) {
    await out.push(`${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    const items: Iterable<string> | undefined = isRendered(value)
      ? value.rendered()
      : Array.isArray(value) && value.length > 0
        ? (value as unknown[]).map(jsonItem)
        : undefined;
    if (items !== undefined) {
      await out.push('[');
      let first = true;
      for (const text of items) {
        await out.push(`${first ? '' : ','}\n    ${text}`);
        first = false;
      }
      await out.push('\n  ]');
    } else {
      await out.push(JSON.stringify(value, null, 2).replaceAll('\n', '\n  '));
    }
  }
  await out.push(entries.length > 0 ? '\n}\n' : '}\n');
  await out.flush();
}

/** Writes the document as ndjson (header, records in id order per kind, trailer), one record at a time. */
export async function writeNdjson(inv: Inventory, sink: Sink): Promise<void> {
  const out = chunked(sink);
  await out.push(ndjsonHeader(inv));
  for (const kind of RESOURCE_KINDS) {
    for (const record of inv[KIND_KEYS[kind]])
      await out.push(ndjsonRecordLine({ kind, record } as KindRecord));
  }
  await out.push(ndjsonTrailer(inv));
  await out.flush();
}
