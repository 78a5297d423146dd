import { Command, Option } from 'commander';
import { PROVIDER_NAMES, providerCatalog } from '../check/catalog.js';
import { policyFile } from '../check/policy.js';
import {
  renderProvidersJson,
  renderProvidersMarkdown,
  renderProvidersTable,
} from '../check/providers-doc.js';
import { ConfigError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Io } from './io.js';

interface ProvidersFlags {
  format: 'table' | 'json' | 'markdown';
  policy?: string;
}

export function providersCommand(io: Io, setExit: (c: ExitCode) => void): Command {
  return new Command('providers')
    .description(
      'list every provider: kinds, API operations (required/optional) with the permission to grant,\n' +
        'credential environment variables and endpoint service codes',
    )
    .addOption(
      new Option('--format <format>', 'output format (markdown generates docs/providers.md)')
        .choices(['table', 'json', 'markdown'])
        .default('table'),
    )
    .option(
      '--policy <provider>',
      "print that provider's least-privilege policy (IAM/RAM/CAM JSON) built from its operations",
    )
    .action(async (flags: ProvidersFlags) => {
      const catalog = await providerCatalog();
      if (flags.policy !== undefined) {
        const info = catalog.find((p) => p.name === flags.policy);
        if (!info?.available) {
          const known = catalog.filter((p) => p.available).map((p) => p.name);
          throw new ConfigError(
            '--policy',
            `'${flags.policy}' is not an available provider (${known.join(', ')}; planned: ${PROVIDER_NAMES.filter((n) => !known.includes(n)).join(', ')})`,
          );
        }
        io.stdout.write(policyFile(info).text);
        setExit(EXIT.ok);
        return;
      }
      const text =
        flags.format === 'json'
          ? renderProvidersJson(catalog)
          : flags.format === 'markdown'
            ? renderProvidersMarkdown(catalog)
            : renderProvidersTable(catalog);
      io.stdout.write(text);
      setExit(EXIT.ok);
    });
}
