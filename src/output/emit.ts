import type { Writable } from 'node:stream';
import { InternalError } from '../errors/errors.js';
import type { Inventory } from '../model/index.js';
import { buildDeepflowDocument } from '../push/deepflow-document.js';
import { validateDeepflowDocument } from '../push/deepflow-validate.js';
import type { OutputFormat, Sink } from './write.js';
import {
  atomicFileSink,
  ndjsonHeader,
  ndjsonTrailer,
  renderJson,
  renderNdjsonRecords,
  stdoutSink,
  writeJson,
  writeNdjson,
} from './write.js';

/** Writes text to a file atomically (temp file, fsync, rename). */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const sink = await atomicFileSink(path);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/** The document as text: json, ndjson, or DeepFlow's domain-additional-resources document (validated). */
export function renderDocument(
  inventory: Inventory,
  format: OutputFormat | 'deepflow',
  domainUuid: string | undefined,
): string {
  if (format === 'deepflow') {
    const target = { domainUuid: domainUuid ?? '' };
    const { document } = buildDeepflowDocument(inventory, target);
    const problems = validateDeepflowDocument(document, target);
    if (problems.length > 0) {
      throw new InternalError(
        `the DeepFlow document is invalid: ${problems.slice(0, 3).join('; ')} (please file an issue)`,
      );
    }
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  if (format === 'json') return renderJson(inventory);
  return ndjsonHeader(inventory) + renderNdjsonRecords(inventory) + ndjsonTrailer(inventory);
}

/** Writes the rendered document to stdout, or atomically to `path`. */
export async function emitDocument(
  text: string,
  path: string | undefined,
  stdout: Writable,
): Promise<void> {
  const sink: Sink = path === undefined ? stdoutSink(stdout) : await atomicFileSink(path);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/**
 * Writes the document to stdout, or atomically to `path`; json and ndjson are written record by record
 * (a large inventory's text is never held whole), the DeepFlow document as rendered.
 */
export async function writeDocument(
  inventory: Inventory,
  format: OutputFormat | 'deepflow',
  domainUuid: string | undefined,
  path: string | undefined,
  stdout: Writable,
): Promise<void> {
  if (format === 'deepflow') {
    await emitDocument(renderDocument(inventory, format, domainUuid), path, stdout);
    return;
  }
  const sink: Sink = path === undefined ? stdoutSink(stdout) : await atomicFileSink(path);
  try {
    await (format === 'json' ? writeJson(inventory, sink) : writeNdjson(inventory, sink));
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}
