import { describe, expect, it } from 'vitest';
import { apiHost, targetFor } from './endpoint.js';

describe('tencent/endpoint', () => {
  it('uses the real host over https without an override; finance regions have their own', () => {
    expect(targetFor({}, 'cvm', 'ap-guangzhou')).toEqual({
      host: 'cvm.tencentcloudapi.com',
      protocol: 'https://',
    });
    expect(apiHost('vpc', 'ap-shanghai-fsi')).toBe('vpc.ap-shanghai-fsi.tencentcloudapi.com');
  });

  it('keeps the real host (the signed service) and dials an override given by address', () => {
    expect(targetFor({ clb: 'http://127.0.0.1:4567' }, 'clb', 'ap-beijing')).toEqual({
      host: 'clb.tencentcloudapi.com',
      protocol: 'http://',
      dial: { host: '127.0.0.1', port: 4567 },
    });
    expect(targetFor({ cvm: 'http://localhost' }, 'cvm', 'ap-beijing').dial).toEqual({
      host: 'localhost',
      port: 80,
    });
  });

  it('uses a private endpoint given by name as the host, with {region} substituted', () => {
    expect(
      targetFor({ cvm: 'https://cvm.{region}.internal.example:8443' }, 'cvm', 'ap-guangzhou'),
    ).toEqual({ host: 'cvm.ap-guangzhou.internal.example:8443', protocol: 'https://' });
  });
});
