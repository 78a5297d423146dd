import { z } from 'zod';
import { inventoryJsonSchema } from '../model/json-schema.js';
import { ConfigFileSchema } from './schema.js';

/** The `$id` of the config JSON Schema. */
export const CONFIG_SCHEMA_ID = 'urn:deepflow-cloud:config';

/** The JSON Schema (draft 2020-12) of the config file, as written (defaults make keys optional). */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ConfigFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
  }) as Record<string, unknown>;
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'deepflow-cloud config',
    description:
      'Accounts to sync (credentials as literal, ${ENV_VAR} or {file: path}), region rules, output and push targets. Unknown keys are errors.',
    ...rest,
  };
}

/** A JSON Schema as committed under `schema/`: 2-space indent, trailing newline. */
export function renderJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The generated files of `schema/`, by file name (written by `npm run gen:schema`, checked by a test). */
export function schemaFiles(): Record<string, string> {
  return {
    'inventory.schema.json': renderJsonSchema(inventoryJsonSchema()),
    'config.schema.json': renderJsonSchema(configJsonSchema()),
  };
}
