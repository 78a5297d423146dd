/** STS (awsQuery 2011-06-15): GetCallerIdentity and AssumeRole. */
import { actionTable, type AwsCall } from './call.js';
import { AwsApiError } from './errors.js';
import { token } from './names.js';
import { el, node, queryResponse } from './xml.js';

export const STS_VERSION = '2011-06-15';
export const STS_NAMESPACE = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

function getCallerIdentity(call: AwsCall): string {
  const p = call.principal;
  const result = el('Arn', p.arn) + el('UserId', p.userId) + el('Account', p.account);
  return queryResponse(call.action, STS_NAMESPACE, call.requestId, result);
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

function assumeRole(call: AwsCall): string {
  const roleArn = call.params['RoleArn'] ?? '';
  const session = call.params['RoleSessionName'] ?? '';
  const m = ROLE_ARN.exec(roleArn);
  if (m?.[1] === undefined || m[2] === undefined) {
    throw new AwsApiError(400, 'ValidationError', `${roleArn} is not a valid role ARN`);
  }
  if (!/^[\w+=,.@-]{2,64}$/.test(session)) {
    throw new AwsApiError(
      400,
      'ValidationError',
      'RoleSessionName must be 2-64 characters of [\\w+=,.@-]',
    );
  }
  const seconds = Number(call.params['DurationSeconds'] ?? 3600);
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43200) {
    throw new AwsApiError(400, 'ValidationError', 'DurationSeconds must be between 900 and 43200');
  }
  const [, account, role] = m;
  const roleId = `AROA${token(17, account, role).toUpperCase()}`;
  const principal = {
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    userId: `${roleId}:${session}`,
    account,
  };
  const creds = call.issueCredentials(principal, seconds);
  const result =
    node(
      'Credentials',
      el('AccessKeyId', creds.accessKeyId),
      el('SecretAccessKey', creds.secretAccessKey),
      el('SessionToken', creds.sessionToken),
      el('Expiration', new Date(creds.expiresAt).toISOString()),
    ) + node('AssumedRoleUser', el('AssumedRoleId', principal.userId), el('Arn', principal.arn));
  return queryResponse(call.action, STS_NAMESPACE, call.requestId, result);
}

export const stsHandler = actionTable({
  GetCallerIdentity: [getCallerIdentity, []],
  AssumeRole: [assumeRole, ['RoleArn', 'RoleSessionName', 'DurationSeconds', 'ExternalId']],
});
