import { z } from 'zod';
import { InventorySchema, SCHEMA_VERSION } from './inventory.js';

/** The `$id` of the inventory JSON Schema; it carries the schema version. */
export const INVENTORY_SCHEMA_ID = `urn:deepflow-cloud:inventory:${SCHEMA_VERSION}`;

/** The JSON Schema (draft 2020-12) of the inventory document, generated from the zod model. */
export function inventoryJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(InventorySchema, {
    target: 'draft-2020-12',
    io: 'output',
  }) as Record<string, unknown>;
  return {
    $schema,
    $id: INVENTORY_SCHEMA_ID,
    title: 'deepflow-cloud inventory',
    description:
      'One document per run: the accounts synced, a list per resource kind (sorted by id) and the errors of failed or skipped tasks.',
    ...rest,
  };
}
