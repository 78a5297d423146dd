import { describe, expect, it } from 'vitest';
import { parseFaultSpecs } from './harness.js';

describe('emulator/harness faults file', () => {
  it('accepts valid faults and keeps only the fields given', () => {
    expect(
      parseFaultSpecs([
        { op: 'DescribeVpcs', times: 2, respond: 'throttle' },
        { op: '*', service: 'rds', region: 'eu-west-1', respond: 'forbidden' },
      ]),
    ).toEqual([
      { op: 'DescribeVpcs', times: 2, respond: 'throttle' },
      { op: '*', service: 'rds', region: 'eu-west-1', respond: 'forbidden' },
    ]);
  });

  it.each([
    [{}, 'faults must be a JSON array'],
    [[{ respond: 'throttle' }], 'faults[0].op'],
    [[{ op: 'X', respond: 'explode' }], 'faults[0].respond must be one of'],
    [[{ op: 'X', respond: 'hang', times: 0 }], 'faults[0].times'],
    [[{ op: 'X', respond: 'hang', regoin: 'x' }], 'faults[0].regoin is not a fault field'],
  ])('rejects %j', (value, message) => {
    expect(() => parseFaultSpecs(value)).toThrow(message);
  });
});
