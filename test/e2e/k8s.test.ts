import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatorKubeconfig } from '../../src/emulator/kubernetes/kubeconfig.js';
import { EMULATOR_K8S_TOKEN } from '../../src/emulator/kubernetes/server.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const PLUGIN = join(ROOT, 'examples', 'kubernetes', 'watch', 'opengauss-plugin.lua');

describe('e2e: deepflow-cloud k8s', () => {
  it('k8s sync --emulator delivers every default resource to the test gRPC server', async () => {
    const r = await runCli(['k8s', 'sync', '--emulator', '--cluster-id', 'e2e']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/sent version \d+ with 26 entries/);
    for (const t of [
      'Namespace=4',
      'Node=2',
      'Pod=10',
      'Deployment=1',
      'StatefulSet=1',
      'DaemonSet=1',
      'ReplicaSet=1',
      'ReplicationController=1',
      'Service=2',
      'Ingress=1',
      'ConfigMap=1',
      '*version.Info=1',
    ]) {
      expect(r.stderr).toContain(t);
    }
    expect(r.stderr).not.toContain(EMULATOR_K8S_TOKEN);
  });

  it('k8s sync --output writes the payload as JSON with each entry decoded', async () => {
    const out = join(tempDir(), 'payload.json');
    const r = await runCli([
      'k8s',
      'sync',
      '--emulator',
      '--cluster-id',
      'e2e',
      '--output',
      out,
      '--source-ip',
      '192.0.2.5',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      cluster_id: string;
      source_ip: string;
      version: number;
      entries: { type: string; compressed_info: string; object: { kind: string } }[];
    };
    expect(doc).toMatchObject({ cluster_id: 'e2e', source_ip: '192.0.2.5' });
    expect(doc.entries).toHaveLength(26);
    expect(doc.entries.find((e) => e.type === '*v1.Pod')?.object.kind).toBe('Pod');
  });

  it('k8s watch keeps reporting: one full set, then heartbeats', async () => {
    const r = await runCli([
      'k8s',
      'watch',
      '--emulator',
      '--cluster-id',
      'e2e',
      '--agent-id',
      '3',
      '--interval',
      '50ms',
      '--reports',
      '4',
      '--log-level',
      'info',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/sent version/g)).toHaveLength(1);
    // Under load the first report may find a list unfinished (an error report without entries).
    expect(r.stderr.match(/heartbeat version/g)?.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(/MaxListeners|warning/);
  });

  it("k8s workloads runs the seed's OpenGauss plugin unchanged", async () => {
    const r = await runCli([
      'k8s',
      'workloads',
      '--emulator',
      '--plugin',
      PLUGIN,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      pod: string;
      workload_type?: string;
      workload_name?: string;
      decided_by?: string;
    }[];
    expect(rows.find((x) => x.pod === 'ogtest-0')).toMatchObject({
      workload_type: 'StatefulSet',
      workload_name: 'ogtest',
      decided_by: 'opengauss-plugin.lua',
    });
    expect(rows.filter((x) => x.decided_by !== undefined)).toHaveLength(1);
  });

  it('k8s workloads reports a plugin that loops forever and exits 4', async () => {
    const dir = tempDir();
    const loop = join(dir, 'loop.lua');
    writeFileSync(loop, 'function GetWorkloadTypeAndName(m)\n  while true do end\nend\n');
    const r = await runCli([
      'k8s',
      'workloads',
      '--emulator',
      '--plugin',
      loop,
      '--namespace',
      'db',
      '--call-timeout',
      '600ms',
    ]);
    expect(r.code).toBe(4);
    // The limit also covers loading the plugin: generous enough for a loaded CI machine to load it.
    expect(r.stdout).toContain('error in loop.lua: time limit of 600 ms exceeded');
  });

  it('an unreachable apiserver is reported in error_msg without entries, exit 4', async () => {
    const dir = tempDir();
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, emulatorKubeconfig('http://127.0.0.1:1', 'e2e-secret-token-42'), {
      mode: 0o600,
    });
    const r = await runCli([
      'k8s',
      'sync',
      '--kubeconfig',
      kubeconfig,
      '--cluster-id',
      'down',
      '--output',
      '-',
    ]);
    expect(r.code).toBe(4);
    const sent = JSON.parse(r.stdout) as {
      cluster_id: string;
      error_msg: string;
      entries: unknown[];
    };
    expect(sent).toMatchObject({ cluster_id: 'down', entries: [] });
    expect(sent.error_msg).toMatch(/ECONNREFUSED/);
    expect(r.stdout + r.stderr).not.toContain('e2e-secret-token-42');
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['k8s', 'sync', '--emulator'])).code).toBe(2);
    const noServer = await runCli([
      'k8s',
      'sync',
      '--cluster-id',
      'x',
      '--kubeconfig',
      '/nonexistent',
    ]);
    expect(noServer.code).toBe(2);
  });
});
