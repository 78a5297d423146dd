import { describe, expect, it } from 'vitest';
import { mapProjects } from './index.js';

const OUT = {
  projects: [
    { id: 'p1', name: 'cn-north-4', enabled: true, domain_id: 'd1' },
    { id: 'p2', name: 'cn-north-4_dev', enabled: true, domain_id: 'd1' },
    { id: 'p3', name: 'af-south-1', enabled: false, domain_id: 'd1' },
    { id: 'p4', name: 'MOS', enabled: true, domain_id: 'd1' },
  ],
};

describe('huawei/index', () => {
  it('turns main projects into regions with their Chinese names, a disabled project a disabled region', () => {
    const { regions, projects, accountId } = mapProjects(OUT, undefined);
    expect(regions).toEqual([
      { id: 'cn-north-4', localName: '华北-北京四', enabled: true },
      { id: 'af-south-1', localName: '非洲-约翰内斯堡', enabled: false },
    ]);
    expect([...projects]).toEqual([
      ['cn-north-4', 'p1'],
      ['af-south-1', 'p3'],
    ]);
    expect(accountId).toBe('d1');
  });

  it('uses exactly the project `project_id` names, a sub-project included', () => {
    const { regions, projects } = mapProjects(OUT, 'p2');
    expect(regions.map((r) => r.id)).toEqual(['cn-north-4']);
    expect(projects.get('cn-north-4')).toBe('p2');
    expect(mapProjects(OUT, 'nope').regions).toEqual([]);
  });
});
