import { setMaxListeners } from 'node:events';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { EXIT } from '../errors/exit-codes.js';
import { removeSpillFiles } from '../output/spill-file.js';
import { heapGrowthFlag } from './heap.js';
import { run } from './program.js';

/** The process entry point: the only place that touches process.*. */
async function main(): Promise<void> {
  // Garbage is collected before the heap doubles what is live (src/cli/heap.ts), unless the user chose.
  const heapFlag = heapGrowthFlag(process.execArgv, process.env['NODE_OPTIONS']);
  if (heapFlag !== undefined) setFlagsFromString(heapFlag);
  // The AWS SDK warns on every run that its future releases will need Node 22; we pin versions that support
  // Node 20 (package-lock), so that warning is noise on stderr. Every other warning is still printed.
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name === 'NodeVersionSupportWarning' || w.message.startsWith('NodeVersionSupportWarning'))
      return;
    process.stderr.write(`deepflow-cloud: warning: ${w.name}: ${w.message}\n`);
  });
  const controller = new AbortController();
  // Every request in flight listens on the run's signal (up to --concurrency 256 per account, several
  // accounts): not a leak, so Node's warning past 10 listeners would only be noise.
  setMaxListeners(4096, controller.signal);
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(EXIT.interrupted);
    process.stderr.write(`\ndeepflow-cloud: ${sig} received, stopping (again to force)\n`);
    controller.abort(new Error(`${sig} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A run that ends another way (a forced second signal, an uncaught error) leaves no spill file behind.
  process.once('exit', removeSpillFiles);
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stderrIsTTY: process.stderr.isTTY,
    signal: controller.signal,
  });
  // Wait for stdout to drain, then exit even if an SDK left an idle keep-alive socket open.
  await new Promise<void>((resolve) =>
    process.stdout.write('', () => {
      resolve();
    }),
  );
  writeProcessStats(process.env[STATS_FILE_ENV]);
  process.exit(code);
}

/** Undocumented hook for `npm run bench`: where to write this process's peak RSS and CPU time at exit. */
const STATS_FILE_ENV = 'DEEPFLOW_CLOUD_STATS_FILE';

function writeProcessStats(file: string | undefined): void {
  if (file === undefined || file === '') return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    `${JSON.stringify({
      max_rss_kb: usage.maxRSS,
      cpu_user_s: usage.userCPUTime / 1e6,
      cpu_system_s: usage.systemCPUTime / 1e6,
      uptime_s: process.uptime(),
    })}\n`,
  );
}

await main();
