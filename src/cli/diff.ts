import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { diffInventories, renderDiffJson, renderDiffTable } from '../diff/diff.js';
import { ConfigError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Inventory } from '../model/index.js';
import { InventorySchema } from '../model/index.js';
import type { Io } from './io.js';

async function readInventory(path: string, which: string): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new ConfigError(
      which,
      `cannot read ${path} (${typeof code === 'string' ? code : 'read error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(
      which,
      `${path} is not JSON (diff compares two --format json inventories)`,
    );
  }
  const parsed = InventorySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      which,
      `${path} is not an inventory document: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** `deepflow-cloud diff OLD.json NEW.json`: added, removed and changed records per kind. */
export function diffCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  return new Command('diff')
    .description('compare two inventory documents: records added, removed and changed per kind')
    .argument('<old>', 'the earlier inventory (JSON, as `sync` writes it)')
    .argument('<new>', 'the later inventory')
    .addOption(
      new Option('--format <format>', 'table (counts per kind) or json (the record ids)')
        .choices(['table', 'json'])
        .default('table'),
    )
    .action(async (oldPath: string, newPath: string, flags: { format: 'table' | 'json' }) => {
      const before = await readInventory(oldPath, 'OLD');
      const after = await readInventory(newPath, 'NEW');
      const diff = diffInventories(before, after);
      io.stdout.write(flags.format === 'json' ? renderDiffJson(diff) : renderDiffTable(diff));
      setExit(EXIT.ok);
    });
}
