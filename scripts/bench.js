#!/usr/bin/env node
// `npm run bench`: thin shim over dist/bench (built by the npm script); see docs/performance.md.
import process from 'node:process';
import { benchMain } from '../dist/bench/cli.js';

process.exitCode = await benchMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
