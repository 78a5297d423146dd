import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The kubeconfig YAML that reaches the emulator (plain HTTP needs insecure-skip-tls-verify in client-node). */
export function emulatorKubeconfig(url: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: deepflow-cloud-emulator',
    '    cluster:',
    `      server: ${url}`,
    '      insecure-skip-tls-verify: true',
    'users:',
    '  - name: deepflow-cloud-emulator',
    '    user:',
    `      token: ${token}`,
    'contexts:',
    '  - name: deepflow-cloud-emulator',
    '    context:',
    '      cluster: deepflow-cloud-emulator',
    '      user: deepflow-cloud-emulator',
    'current-context: deepflow-cloud-emulator',
    '',
  ].join('\n');
}

/** Writes the emulator's kubeconfig (mode 0600) to a fresh temp folder and returns its path. */
export async function writeEmulatorKubeconfig(url: string, token: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dfc-k8s-emulator-'));
  const path = join(dir, 'kubeconfig');
  await writeFile(path, emulatorKubeconfig(url, token), { mode: 0o600 });
  return path;
}
