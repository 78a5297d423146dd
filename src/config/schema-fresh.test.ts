import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from './json-schema.js';

const root = new URL('../../schema/', import.meta.url);

describe('schema/', () => {
  it.each(Object.entries(schemaFiles()))('%s matches the zod schemas', async (name, fresh) => {
    const committed = await readFile(new URL(name, root), 'utf8').catch(() => '');
    if (committed !== fresh) {
      expect.fail(
        `schema/${name} is stale or missing: run npm run gen:schema and commit the result`,
      );
    }
  });
});
