import { describe, expect, it } from 'vitest';
import { endpointFor, unwrap, VolcApiError, VolcResponseError } from './client.js';

describe('volcengine/client', () => {
  it('returns the Result of a response and throws its ResponseMetadata.Error', () => {
    expect(unwrap({ ResponseMetadata: { RequestId: 'r' }, Result: { a: 1 } })).toEqual({ a: 1 });
    expect(() =>
      unwrap({
        ResponseMetadata: {
          RequestId: 'r1',
          Error: { Code: 'FlowLimitExceeded', Message: 'slow' },
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'FlowLimitExceeded', requestId: 'r1' }) as Error);
    expect(() => unwrap({ ResponseMetadata: { Error: { Message: 'x' } } })).toThrow(VolcApiError);
  });

  it('rejects a body that is not the envelope, recognising a gateway page', () => {
    expect(() => unwrap('{"Respo')).toThrow(VolcResponseError);
    expect(() => unwrap({ Result: {} })).toThrow(/ResponseMetadata/);
    expect(() => unwrap('<html><title>502 Bad Gateway</title></html>')).toThrow(
      expect.objectContaining({ status: 502 }) as Error,
    );
  });

  it('uses the endpoint override with {region}, else the public host', () => {
    expect(endpointFor({ ecs: 'http://127.0.0.1:9/{region}' }, 'ecs', 'cn-beijing').href).toBe(
      'http://127.0.0.1:9/cn-beijing',
    );
    expect(endpointFor({}, 'vpc', 'cn-beijing').host).toBe('open.volcengineapi.com');
  });
});
