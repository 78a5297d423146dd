import { EXIT } from '../errors/exit-codes.js';
import { run } from './program.js';

/** The process entry point: the only place that touches process.*. */
async function main(): Promise<void> {
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
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(EXIT.interrupted);
    process.stderr.write(`\ndeepflow-cloud: ${sig} received, stopping (again to force)\n`);
    controller.abort(new Error(`${sig} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
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
  process.exit(code);
}

await main();
