import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { Instance } from '@aws-sdk/client-ec2';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { paginate } from './client.js';
import {
  awsOperation,
  awsTags,
  baseFields,
  defined,
  nameFromTags,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeInstancesCommand } = ec2Sdk;

const DESCRIBE_INSTANCES = {
  ...awsOperation('ec2', 'DescribeInstances', true),
  bulky: true,
};

const VM_STATE: Readonly<Record<string, RunState>> = {
  pending: 'pending',
  running: 'running',
  stopping: 'pending',
  stopped: 'stopped',
  'shutting-down': 'pending',
};

/** Terminated instances stay listed for about an hour; they are gone. */
export function isListedVm(raw: Instance): boolean {
  return raw.State?.Name !== 'terminated';
}

function mapVmUnguarded(raw: Instance, ctx: MapContext): Vm {
  const nativeId = raw.InstanceId ?? '';
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nameFromTags(raw.Tags, nativeId),
      awsTags(raw.Tags),
      raw.LaunchTime,
    ),
    state: lookup(VM_STATE, raw.State?.Name, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      zone_id: zoneRef(ctx, raw.Placement?.AvailabilityZone),
      subnet_id: refId(ctx, 'subnet', raw.SubnetId),
      primary_ip: nonEmpty(raw.PrivateIpAddress),
      instance_type: raw.InstanceType,
      image_id: raw.ImageId,
      hostname: nonEmpty(raw.PrivateDnsName),
    }),
    security_group_ids: refIds(
      ctx,
      'security_group',
      (raw.SecurityGroups ?? []).map((g) => g.GroupId),
    ),
  };
}

export const vmFetcher: ResourceFetcher<AwsSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    const pages = paginate(
      ctx,
      DESCRIBE_INSTANCES,
      ctx.region,
      (token, signal) =>
        ec2.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken: token }), {
          abortSignal: signal,
        }),
      (page) => page.NextToken,
    );
    for await (const page of pages) {
      for (const reservation of page.Reservations ?? []) {
        for (const raw of reservation.Instances ?? []) {
          if (isListedVm(raw)) yield { kind: 'vm', record: mapVm(raw, ctx.map) };
        }
      }
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('aws vm', mapVmUnguarded, VmSchema);
