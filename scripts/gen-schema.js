// Writes schema/*.json from the zod model and config schema. Run through `npm run gen:schema`, which
// builds first: Node 20 cannot import TypeScript, so this imports the compiled dist/.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from '../dist/config/json-schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(schemaFiles())) {
  await writeFile(join(dir, name), text);
  stdout.write(`wrote schema/${name}\n`);
}
