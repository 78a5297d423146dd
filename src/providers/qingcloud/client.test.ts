import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT, endpointFor, parseBody } from './client.js';

describe('qingcloud/client', () => {
  it('uses the public endpoint, or the account override with a trailing slash', () => {
    expect(endpointFor({}, 'pek3').href).toBe(DEFAULT_ENDPOINT);
    expect(endpointFor({ iaas: 'http://127.0.0.1:9000/iaas' }, 'pek3').href).toBe(
      'http://127.0.0.1:9000/iaas/',
    );
    expect(endpointFor({ iaas: 'https://api.{region}.example.com/iaas/' }, 'sh1').host).toBe(
      'api.sh1.example.com',
    );
  });

  it('returns a ret_code 0 body and throws the ret_code of an error', () => {
    expect(
      parseBody(
        200,
        '{"action":"DescribeZonesResponse","ret_code":0,"total_count":0,"zone_set":[]}',
      ),
    ).toMatchObject({ total_count: 0 });
    expect(() => parseBody(200, '{"ret_code":1400,"message":"PermissionDenied"}')).toThrow(
      expect.objectContaining({ retCode: 1400, status: 200, message: 'PermissionDenied' }),
    );
    expect(() => parseBody(502, '<html>bad gateway</html>')).toThrow(
      expect.objectContaining({ status: 502 }),
    );
    expect(() => parseBody(200, '{"ret_code":0,"instance_set":[{')).toThrow(SyntaxError);
    expect(() => parseBody(200, '{"instance_set":[]}')).toThrow(/no ret_code/);
  });
});
