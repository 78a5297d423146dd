import { Command, CommanderError } from 'commander';
import { DeepflowCloudError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import { redact } from '../log/logger.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { emulatorCommand } from './emulator.js';
import type { Io } from './io.js';
import { k8sCommand } from './k8s.js';
import { providersCommand } from './providers.js';
import { regionsCommand } from './regions.js';
import { schemaCommand } from './schema.js';
import { syncCommand } from './sync.js';
import { toolVersion } from './version.js';

/** Builds the program; commands report their exit code through `setExit`. */
export function buildProgram(io: Io, setExit: (c: ExitCode) => void): Command {
  const program = new Command('deepflow-cloud')
    .description(
      'Learn the inventory of cloud accounts (regions, zones, VPCs, subnets, VMs, IPs, security groups, ' +
        'route tables, NAT, load balancers, RDS, Redis, peering, cloud networks, Kubernetes clusters) as one ' +
        'JSON document.',
    )
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const cmd of [
    syncCommand,
    checkCommand,
    regionsCommand,
    providersCommand,
    schemaCommand,
    emulatorCommand,
    diffCommand,
    k8sCommand,
  ]) {
    program.addCommand(
      cmd(io, setExit)
        .exitOverride()
        .showHelpAfterError()
        .configureOutput({
          writeOut: (s) => io.stdout.write(s),
          writeErr: (s) => io.stderr.write(s),
        }),
    );
  }
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.exitCode === 0
      ) {
        return EXIT.ok;
      }
      if (e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (io.signal.aborted) {
      io.stderr.write('deepflow-cloud: interrupted\n');
      return EXIT.interrupted;
    }
    if (e instanceof DeepflowCloudError) {
      io.stderr.write(`deepflow-cloud: ${redact(e.message)}\n`);
      if (e.kind === 'config_invalid') return EXIT.usage;
      if (e.kind === 'auth_failed') return EXIT.auth;
      return EXIT.internal;
    }
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr.write(`deepflow-cloud: internal error (please file an issue): ${redact(message)}\n`);
    return EXIT.internal;
  }
}
