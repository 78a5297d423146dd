import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from './cli.js';

/** Validates a document against the committed `schema/inventory.schema.json`; returns the errors. */
export function validateInventory(doc: unknown): string[] {
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'schema', 'inventory.schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
