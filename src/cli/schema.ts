import { Argument, Command } from 'commander';
import { configJsonSchema } from '../config/json-schema.js';
import { inventoryJsonSchema } from '../model/json-schema.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Io } from './io.js';

export function schemaCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  return new Command('schema')
    .description('print the JSON Schema of the inventory (the output) or of the config file')
    .addArgument(
      new Argument('[which]', 'which schema').choices(['inventory', 'config']).default('inventory'),
    )
    .action((which: 'inventory' | 'config') => {
      const schema = which === 'config' ? configJsonSchema() : inventoryJsonSchema();
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      setExit(EXIT.ok);
    });
}
