import { describe, expect, it } from 'vitest';
import { trimObject } from './trim.js';

const tm = { apiVersion: 'v1', kind: 'X' };

describe('kubernetes/trim', () => {
  it('keeps the seed fields of a ReplicaSet and drops the rest', () => {
    const rs = trimObject(
      'replicasets',
      {
        metadata: {
          uid: 'u1',
          name: 'web-1',
          namespace: 'shop',
          resourceVersion: '9',
          managedFields: [{}],
          ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'u0' }],
        },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: { spec: { containers: [] } },
        },
        status: { replicas: 2 },
      },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
    );
    expect(rs).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        uid: 'u1',
        name: 'web-1',
        namespace: 'shop',
        labels: {},
        ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'u0' }],
      },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
    });
  });

  it('keeps service ports, selector, type and cluster IP', () => {
    const svc = trimObject(
      'services',
      {
        metadata: { uid: 'u', name: 's', namespace: 'n', labels: { a: 'b' } },
        spec: {
          clusterIP: '10.0.0.1',
          type: 'NodePort',
          selector: { app: 'x' },
          sessionAffinity: 'None',
          ports: [
            {
              name: 'h',
              port: 80,
              nodePort: 30080,
              protocol: 'TCP',
              targetPort: 8080,
              appProtocol: 'http',
            },
          ],
        },
      },
      tm,
    );
    expect(svc['spec']).toEqual({
      clusterIP: '10.0.0.1',
      type: 'NodePort',
      selector: { app: 'x' },
      ports: [{ name: 'h', port: 80, nodePort: 30080, protocol: 'TCP', targetPort: 8080 }],
    });
  });

  it('keeps node addresses, conditions and pod CIDR', () => {
    const node = trimObject(
      'nodes',
      {
        metadata: { uid: 'u', name: 'n1' },
        spec: { podCIDR: '10.1.0.0/24', taints: [] },
        status: {
          addresses: [{ type: 'InternalIP', address: '192.0.2.1' }],
          conditions: [
            { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'long text' },
          ],
          images: [{ names: ['a'] }],
        },
      },
      tm,
    );
    expect(node).toMatchObject({
      spec: { podCIDR: '10.1.0.0/24' },
      status: {
        addresses: [{ type: 'InternalIP', address: '192.0.2.1' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      },
    });
    expect(node['status']).not.toHaveProperty('images');
  });
});
