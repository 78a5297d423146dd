import { describe, expect, it } from 'vitest';
import { createLogger, redact, registerSecret } from './logger.js';

describe('log/logger', () => {
  const secret = 'Zx9-logger-test-secret/+=';
  registerSecret(secret);

  it.each(['text', 'json'] as const)(
    'masks a registered secret and its encodings (%s)',
    (format) => {
      const lines: string[] = [];
      const log = createLogger({ level: 'debug', format, write: (l) => lines.push(l) });
      log.debug(`raw ${secret}`, { url: `?k=${encodeURIComponent(secret)}` });
      log.error('b64', { header: Buffer.from(secret).toString('base64') });
      log.child({ token: secret }).info('child');
      const all = lines.join('\n');
      expect(lines).toHaveLength(3);
      expect(all).not.toContain(secret);
      expect(all).not.toContain(encodeURIComponent(secret));
      expect(all).not.toContain(Buffer.from(secret).toString('base64'));
      expect(all).toContain('***');
    },
  );

  it('writes JSON lines with time, level, message and fields', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      format: 'json',
      write: (l) => lines.push(l),
      now: () => new Date('2026-11-22T00:00:00Z'),
    });
    log.debug('hidden');
    log.warn('task skipped', { region: 'us-east-1', kind: 'vpc' });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        time: '2026-11-22T00:00:00.000Z',
        level: 'warn',
        msg: 'task skipped',
        region: 'us-east-1',
        kind: 'vpc',
      },
    ]);
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('ab');
    expect(redact('abc ab')).toBe('abc ab');
  });
});
