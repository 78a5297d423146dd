import { describe, expect, it } from 'vitest';
import type { ApiResource } from './resources.js';
import {
  ApiResourceSchema,
  DEFAULT_RESOURCES,
  formatGroupVersion,
  selectResources,
} from './resources.js';

const cfg = (items: Record<string, unknown>[]): ApiResource[] =>
  items.map((i) => ApiResourceSchema.parse(i));
const summary = (items: Record<string, unknown>[]): string[] =>
  selectResources(cfg(items)).resources.map(
    (r) =>
      `${r.name} ${r.candidates.map(formatGroupVersion).join('|')}${r.fieldSelector ? ` ${r.fieldSelector}` : ''}`,
  );

describe('kubernetes/resources', () => {
  it('selects the agent defaults when nothing is configured', () => {
    expect(selectResources([]).resources.map((r) => r.name)).toEqual(DEFAULT_RESOURCES);
    expect(summary([])).toContain(
      'ingresses networking.k8s.io/v1|networking.k8s.io/v1beta1|extensions/v1beta1',
    );
  });

  it('drops a disabled default and adds routes (OpenShift), reported as *v1.Ingress', () => {
    const sel = selectResources(cfg([{ name: 'ingresses', disabled: true }, { name: 'routes' }]));
    expect(sel.resources.map((r) => r.name)).not.toContain('ingresses');
    expect(sel.resources.find((r) => r.name === 'routes')).toMatchObject({ pbType: '*v1.Ingress' });
  });

  it('listing a default name replaces its default, narrowed by group (OpenKruise)', () => {
    const s = summary([
      { name: 'clonesets', group: 'apps.kruise.io' },
      { name: 'statefulsets', group: 'apps' },
      { name: 'statefulsets', group: 'apps.kruise.io' },
    ]);
    expect(s.filter((l) => l.startsWith('statefulsets'))).toEqual([
      'statefulsets apps/v1',
      'statefulsets apps.kruise.io/v1beta1',
    ]);
    expect(s).toContain('clonesets apps.kruise.io/v1alpha1');
  });

  it('pins group and version, carries the field selector, and warns on unknown names or groups', () => {
    const sel = selectResources(
      cfg([
        { name: 'pods', group: 'core', version: 'v1', field_selector: 'spec.nodeName=node-1' },
        { name: 'widgets' },
        { name: 'ingresses', group: 'nope.io' },
      ]),
    );
    expect(sel.resources.find((r) => r.name === 'pods')).toMatchObject({
      specified: true,
      fieldSelector: 'spec.nodeName=node-1',
      candidates: [{ group: '', version: 'v1' }],
    });
    // ingresses was listed (so its default is gone) but matched nothing: it is skipped with a warning.
    expect(sel.resources.map((r) => r.name)).not.toContain('ingresses');
    expect(sel.warnings).toEqual([
      expect.stringContaining("'widgets' is not a supported resource"),
      expect.stringContaining("'ingresses' has no supported group-version"),
    ]);
  });

  it('rejects unknown keys in an api_resources item', () => {
    expect(ApiResourceSchema.safeParse({ name: 'pods', disable: true }).success).toBe(false);
  });
});
