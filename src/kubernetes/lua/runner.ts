/**
 * Runs DeepFlow Lua workload plugins (`GetWorkloadTypeAndName(metaJsonStr)` → type, name) with wasmoon
 * (Lua 5.4) in a worker thread: no host files (wasmoon's file system is in memory), only our dkjson module,
 * and a wall-clock limit per call enforced by terminating the worker.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { systemClock } from '../../transport/clock.js';
import { DKJSON_LUA } from './dkjson.js';
import { SANDBOX_PRELUDE, WORKER_SOURCE } from './worker-source.js';

export interface Plugin {
  /** Shown in results: the file name. */
  name: string;
  source: string;
}

export type PluginCall =
  { kind: 'ok'; type: string; name: string } | { kind: 'error'; message: string };

interface Reply {
  id: number;
  error?: string;
  result?: string;
}

export interface LuaRunnerOptions {
  /** Time limit of one call (and of loading one plugin), in ms. */
  timeoutMs: number;
}

/** A pool of one worker holding every plugin; restarted (plugins reloaded) after a timeout. */
export class LuaRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly loadErrors = new Map<string, string>();
  private readonly plugins: readonly Plugin[];
  private readonly timeoutMs: number;

  private constructor(plugins: readonly Plugin[], opts: LuaRunnerOptions) {
    this.plugins = plugins;
    this.timeoutMs = opts.timeoutMs;
  }

  static async start(plugins: readonly Plugin[], opts: LuaRunnerOptions): Promise<LuaRunner> {
    const r = new LuaRunner(plugins, opts);
    await r.boot();
    return r;
  }

  /** Plugins whose source failed to load (syntax error, error or overrun at top level). */
  loadError(plugin: string): string | undefined {
    return this.loadErrors.get(plugin);
  }

  private running(): boolean {
    return this.worker !== undefined;
  }

  private async boot(): Promise<void> {
    const require = createRequire(import.meta.url);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        wasmoon: require.resolve('wasmoon'),
        dkjson: DKJSON_LUA,
        prelude: SANDBOX_PRELUDE,
      },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    for (const p of this.plugins) {
      if (this.loadErrors.has(p.name)) continue;
      const reply = await this.request({ op: 'load', plugin: p.name, source: p.source });
      if (reply.kind === 'error') this.loadErrors.set(p.name, reply.message);
      // A plugin that overran at load time took the worker down: start again without it.
      if (!this.running()) return this.boot();
    }
  }

  private async request(
    msg: Record<string, unknown>,
  ): Promise<{ kind: 'ok'; result: string } | { kind: 'error'; message: string }> {
    const worker = this.worker;
    if (worker === undefined) return { kind: 'error', message: 'the Lua worker is not running' };
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = new AbortController();
      const cleanup = (): void => {
        timer.abort();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: Reply): void => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.error !== undefined) resolve({ kind: 'error', message: reply.error });
        else resolve({ kind: 'ok', result: reply.result ?? '' });
      };
      const onError = (e: Error): void => {
        cleanup();
        this.worker = undefined;
        resolve({ kind: 'error', message: `the Lua worker failed: ${e.message}` });
      };
      const onExit = (): void => {
        cleanup();
        this.worker = undefined;
        resolve({ kind: 'error', message: 'the Lua worker exited' });
      };
      systemClock.sleep(this.timeoutMs, timer.signal).then(
        () => {
          cleanup();
          this.worker = undefined;
          void worker.terminate();
          resolve({ kind: 'error', message: `time limit of ${this.timeoutMs} ms exceeded` });
        },
        () => undefined,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, ...msg });
    });
  }

  /** Calls one plugin's GetWorkloadTypeAndName with the pod's metadata JSON. */
  async call(plugin: string, metaJson: string): Promise<PluginCall> {
    const loadError = this.loadErrors.get(plugin);
    if (loadError !== undefined) return { kind: 'error', message: `load failed: ${loadError}` };
    if (this.worker === undefined) await this.boot();
    const reply = await this.request({ op: 'call', plugin, meta: metaJson });
    if (reply.kind === 'error') return reply;
    const parsed = JSON.parse(reply.result) as { t?: string; n?: string; err?: string };
    if (parsed.err !== undefined) return { kind: 'error', message: parsed.err };
    return { kind: 'ok', type: parsed.t ?? '', name: parsed.n ?? '' };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) await w.terminate();
  }
}
