import { describe, expect, it } from 'vitest';
import { operationKey } from '../types.js';
import { adapter } from './index.js';
import { isNotFoundCode, tencentProbes } from './probes.js';

describe('tencent/probes', () => {
  it('has a probe for every operation the fetchers declare', () => {
    const declared = adapter.fetchers.flatMap((f) => f.operations.map(operationKey));
    expect(declared.filter((k) => tencentProbes[k] === undefined)).toEqual([]);
    expect(Object.keys(tencentProbes).filter((k) => !declared.includes(k))).toEqual([]);
  });

  it("recognises the services' not-found answers", () => {
    expect(isNotFoundCode('ResourceNotFound')).toBe(true);
    expect(isNotFoundCode('InvalidParameter.LBIdNotFound')).toBe(true);
    expect(isNotFoundCode('UnauthorizedOperation')).toBe(false);
    expect(isNotFoundCode(undefined)).toBe(false);
  });
});
