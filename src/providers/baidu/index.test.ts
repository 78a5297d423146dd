import { describe, expect, it } from 'vitest';
import { mapRegions } from './index.js';

describe('baidu/index', () => {
  it('lists regions with the Chinese names users filter by, BCE names for regions we do not know', () => {
    expect(
      mapRegions({
        regions: [
          { regionId: 'bj', regionName: '华北-北京', regionEndpoint: 'bcc.bj.baidubce.com' },
          { regionId: 'xx', regionName: '新区域' },
          { regionName: 'no id' },
        ],
      }),
    ).toEqual([
      { id: 'bj', localName: '北京', enabled: true, endpoint: 'bcc.bj.baidubce.com' },
      { id: 'xx', localName: '新区域', enabled: true, endpoint: undefined },
    ]);
  });
});
