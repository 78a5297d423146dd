import { Command, CommanderError, Help } from 'commander';
import { DeepflowCloudError } from '../errors/errors.js';
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import { redact } from '../log/logger.js';
import type { Io } from './io.js';
import { toolVersion } from './version.js';

type CommandFactory = (io: Io, setExit: (c: ExitCode) => void) => Command;

/**
 * Every command, loaded only when it runs (issue 9: `--help` and each command load only what they need; `k8s`
 * alone pulls in the Kubernetes client and gRPC). `term` and `description` are what the top-level help lists
 * without loading the command; keep them in step with the command's own.
 */
const COMMANDS: readonly {
  readonly name: string;
  readonly term: string;
  readonly description: string;
  readonly load: () => Promise<CommandFactory>;
}[] = [
  {
    name: 'sync',
    term: 'sync [options]',
    description:
      'learn the inventory of every configured account and print it as one JSON document',
    load: async () => (await import('./sync.js')).syncCommand,
  },
  {
    name: 'check',
    term: 'check [options]',
    description:
      "prove that each account's credentials can make every call the sync makes (a CI smoke test):\n" +
      'verify the identity, then call every operation once in one region and classify it',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'regions',
    term: 'regions [options]',
    description:
      'list every region of each account with included/excluded/disabled and the rule that decided it',
    load: async () => (await import('./regions.js')).regionsCommand,
  },
  {
    name: 'providers',
    term: 'providers [options]',
    description:
      'list every provider: kinds, API operations (required/optional) with the permission to grant,\n' +
      'credential environment variables and endpoint service codes',
    load: async () => (await import('./providers.js')).providersCommand,
  },
  {
    name: 'schema',
    term: 'schema [which]',
    description: 'print the JSON Schema of the inventory (the output) or of the config file',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
  {
    name: 'emulator',
    term: 'emulator [options]',
    description:
      "serve a provider's API on 127.0.0.1 (its wire protocol, signature checks, paging, faults) until interrupted",
    load: async () => (await import('./emulator.js')).emulatorCommand,
  },
  {
    name: 'diff',
    term: 'diff [options] <old> <new>',
    description: 'compare two inventory documents: records added, removed and changed per kind',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    name: 'k8s',
    term: 'k8s',
    description:
      'list-watch a Kubernetes cluster and report it to deepflow-server over gRPC (KubernetesAPISync), or test Lua workload plugins',
    load: async () => (await import('./k8s.js')).k8sCommand,
  },
];

/** The command `argv` runs (`help <command>` included), if it names one. */
function commandOf(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first === 'help') return argv[argv.indexOf('help') + 1];
  return first;
}

/**
 * Builds the program; commands report their exit code through `setExit`. Only the command `argv` runs is
 * loaded (all of them when `argv` is not given); the others are listed by name and description.
 */
export async function buildProgram(
  io: Io,
  setExit: (c: ExitCode) => void,
  argv?: readonly string[],
): Promise<Command> {
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
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
  program.configureHelp({
    subcommandTerm: (cmd) => terms.get(cmd.name()) ?? new Help().subcommandTerm(cmd),
  });
  const wanted = argv === undefined ? undefined : commandOf(argv);
  for (const entry of COMMANDS) {
    const cmd =
      argv === undefined || entry.name === wanted
        ? (await entry.load())(io, setExit)
        : new Command(entry.name).description(entry.description);
    program.addCommand(
      cmd
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
  const program = await buildProgram(
    io,
    (c) => {
      code = c;
    },
    argv,
  );
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
