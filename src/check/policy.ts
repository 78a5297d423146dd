/**
 * Least-privilege policy documents, one per provider, built from the operations the adapter declares (the
 * same list `check` probes). Each cloud's own policy language; a provider whose adapter has not landed yet
 * already has its format here, so its policy file appears the day its operations do.
 */
import type { ProviderName } from '../model/index.js';
import type { ProviderInfo } from './catalog.js';
import { permissionsOf } from './catalog.js';

export interface PolicyFormat {
  /** File name under `examples/policies/`. */
  readonly file: string;
  /** The policy language, for docs. */
  readonly language: string;
  render(permissions: readonly string[]): unknown;
}

export const POLICY_FORMATS: Readonly<Record<ProviderName, PolicyFormat>> = {
  aws: {
    file: 'aws-iam.json',
    language: 'AWS IAM policy',
    render: (actions) => ({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DeepflowCloudSync', Effect: 'Allow', Action: [...actions], Resource: '*' },
      ],
    }),
  },
  aliyun: {
    file: 'aliyun-ram.json',
    language: 'Alibaba Cloud RAM policy',
    render: (actions) => ({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: [...actions], Resource: '*' }],
    }),
  },
  tencent: {
    file: 'tencent-cam.json',
    language: 'Tencent Cloud CAM policy',
    render: (actions) => ({
      version: '2.0',
      statement: [{ effect: 'allow', action: [...actions], resource: ['*'] }],
    }),
  },
  huawei: {
    file: 'huawei-iam.json',
    language: 'Huawei Cloud IAM custom policy',
    render: (actions) => ({
      Version: '1.1',
      Statement: [{ Effect: 'Allow', Action: [...actions] }],
    }),
  },
  azure: {
    file: 'azure-role.json',
    language: 'Azure custom role definition',
    render: (actions) => ({
      Name: 'deepflow-cloud reader',
      IsCustom: true,
      Description: 'Read what deepflow-cloud sync needs',
      Actions: [...actions],
      NotActions: [],
      AssignableScopes: ['/subscriptions/00000000-0000-0000-0000-000000000000'],
    }),
  },
  baidu: {
    file: 'baidu-iam.json',
    language: 'Baidu AI Cloud IAM policy',
    render: (actions) => ({
      accessControlList: [
        {
          service: 'bce:*',
          region: '*',
          effect: 'Allow',
          permission: [...actions],
          resource: ['*'],
        },
      ],
    }),
  },
  volcengine: {
    file: 'volcengine-iam.json',
    language: 'Volcengine IAM policy',
    render: (actions) => ({
      Statement: [{ Effect: 'Allow', Action: [...actions], Resource: ['*'] }],
    }),
  },
  qingcloud: {
    file: 'qingcloud-iam.json',
    language: 'QingCloud IAM policy',
    render: (actions) => ({
      version: '1.0',
      statement: [{ effect: 'allow', action: [...actions], resource: ['*'] }],
    }),
  },
};

/** The policy file of a landed provider: its name and its JSON text (2-space indent, trailing newline). */
export function policyFile(info: ProviderInfo): { file: string; text: string } {
  const format = POLICY_FORMATS[info.name];
  return {
    file: format.file,
    text: `${JSON.stringify(format.render(permissionsOf(info)), null, 2)}\n`,
  };
}
