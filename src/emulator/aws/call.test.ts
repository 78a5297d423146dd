import { describe, expect, it } from 'vitest';
import { PageTokens, paginate, type AwsCall, type PageSpec } from './call.js';

const tokens = new PageTokens(1);
const SPEC: PageSpec = { sizeParam: 'MaxResults', tokenParam: 'NextToken', min: 5, max: 1000 };
const ITEMS = Array.from({ length: 12 }, (_, i) => i);

function call(params: Record<string, string>, extra: Partial<AwsCall> = {}): AwsCall {
  return {
    protocol: 'ec2',
    service: 'ec2',
    action: 'DescribeVpcs',
    region: 'us-east-1',
    params,
    pageLimit: undefined,
    tokens,
    repeatToken: false,
    ...extra,
  } as AwsCall;
}

/** All pages of `ITEMS` as served, following the tokens. */
function pages(params: Record<string, string>, extra: Partial<AwsCall> = {}): number[][] {
  const out: number[][] = [];
  let token: string | undefined;
  do {
    const page = paginate(
      call({ ...params, ...(token ? { NextToken: token } : {}) }, extra),
      ITEMS,
      SPEC,
    );
    out.push(page.items);
    token = page.next;
  } while (token !== undefined && out.length < 20);
  return out;
}

describe('emulator/aws paging', () => {
  it('serves the API maximum when no size is asked, in one page', () => {
    expect(pages({})).toEqual([ITEMS]);
  });

  it('serves min(requested, pageLimit) per page', () => {
    expect(pages({ MaxResults: '5' }).map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages({ MaxResults: '5' }, { pageLimit: 2 }).map((p) => p.length)).toEqual([
      2, 2, 2, 2, 2, 2,
    ]);
    expect(pages({}, { pageLimit: 7 }).map((p) => p.length)).toEqual([7, 5]);
    expect(pages({ MaxResults: '5' }, { pageLimit: 7 }).flat()).toEqual(ITEMS);
  });

  it.each(['4', '1001', '10.5', 'ten'])('rejects MaxResults=%s outside 5–1000', (size) => {
    expect(() => paginate(call({ MaxResults: size }), ITEMS, SPEC)).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue', status: 400 }),
    );
  });

  it('issues opaque tokens bound to the operation and region', () => {
    const first = paginate(call({ MaxResults: '5' }), ITEMS, SPEC);
    expect(first.next).toBeDefined();
    const token = first.next ?? '';
    expect(token).not.toMatch(/^\d+$/);
    expect(Buffer.from(token, 'base64url').toString()).not.toBe('5');
    const elsewhere = [
      call({ NextToken: token }, { action: 'DescribeSubnets' }),
      call({ NextToken: token }, { region: 'eu-west-1' }),
      call({ NextToken: `${token}x` }),
      call({ NextToken: Buffer.from('5:forged').toString('base64url') }),
    ];
    for (const c of elsewhere) {
      expect(() => paginate(c, ITEMS, SPEC)).toThrow(
        expect.objectContaining({ code: 'InvalidPaginationToken' }),
      );
    }
    const query = call(
      { Marker: token },
      { protocol: 'query', service: 'rds', action: 'DescribeDBInstances' },
    );
    expect(() => paginate(query, ITEMS, { ...SPEC, tokenParam: 'Marker' })).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
  });

  it('binds tokens to a scope such as the parent load balancer', () => {
    const first = paginate(call({ MaxResults: '5' }), ITEMS, SPEC, 'lb-1');
    expect(() => paginate(call({ NextToken: first.next ?? '' }), ITEMS, SPEC, 'lb-2')).toThrow();
    const next = call({ MaxResults: '5', NextToken: first.next ?? '' });
    expect(paginate(next, ITEMS, SPEC, 'lb-1').items).toEqual([5, 6, 7, 8, 9]);
  });

  it('echoes the received token when asked to repeat it', () => {
    const first = paginate(call({ MaxResults: '5' }), ITEMS, SPEC);
    const again = paginate(
      call({ MaxResults: '5', NextToken: first.next ?? '' }, { repeatToken: true }),
      ITEMS,
      SPEC,
    );
    expect(again.items).toEqual([5, 6, 7, 8, 9]);
    expect(again.next).toBe(first.next);
  });

  it('is deterministic per seed', () => {
    expect(new PageTokens(1).encode('s', 5)).toBe(tokens.encode('s', 5));
    expect(new PageTokens(2).encode('s', 5)).not.toBe(tokens.encode('s', 5));
  });
});
