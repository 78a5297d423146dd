import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { Address } from '@aws-sdk/client-ec2';
import type { DeviceKind, MapContext, PublicIp } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall } from './client.js';
import { awsOperation, awsTags, baseFields, defined, nameFromTags } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeAddressesCommand } = ec2Sdk;

const DESCRIBE_ADDRESSES = awsOperation('ec2', 'DescribeAddresses', false);

/** Elastic IPs a service manages for you (`ServiceManaged`), when no instance holds them. */
const SERVICE_DEVICE: Readonly<Record<string, DeviceKind>> = {
  alb: 'load_balancer',
  nlb: 'load_balancer',
  rds: 'rds_instance',
  rnat: 'nat_gateway',
};

function deviceKindOf(raw: Address): DeviceKind | undefined {
  if (raw.InstanceId) return 'vm';
  const managed = lookup<DeviceKind | undefined>(SERVICE_DEVICE, raw.ServiceManaged, undefined);
  if (managed !== undefined) return managed;
  return raw.NetworkInterfaceId ? 'other' : undefined;
}

/** An elastic IP; native id = allocation id. Its device when associated (NAT and LB EIPs via the interface). */
function mapAddressUnguarded(raw: Address, ctx: MapContext): PublicIp {
  const ip = raw.PublicIp ?? '';
  const nativeId = raw.AllocationId ?? ip;
  return {
    ...baseFields(
      ctx,
      'public_ip',
      nativeId,
      nameFromTags(raw.Tags, ip || nativeId),
      awsTags(raw.Tags),
    ),
    ip,
    allocation: 'elastic',
    ...defined({
      device_kind: deviceKindOf(raw),
      device_id: refId(ctx, 'vm', raw.InstanceId),
      interface_id: refId(ctx, 'network_interface', raw.NetworkInterfaceId),
      private_ip: raw.PrivateIpAddress,
    }),
  };
}

export const publicIpFetcher: ResourceFetcher<AwsSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [DESCRIBE_ADDRESSES],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    // Not paged: one response lists every elastic IP of the region.
    const out = await awsCall(ctx, DESCRIBE_ADDRESSES, ctx.region, (signal) =>
      ec2.send(new DescribeAddressesCommand({}), { abortSignal: signal }),
    );
    for (const raw of out.Addresses ?? []) {
      yield { kind: 'public_ip', record: mapAddress(raw, ctx.map) };
    }
  },
};

/** `mapAddressUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapAddress = guardMapper('aws address', mapAddressUnguarded, PublicIpSchema);
