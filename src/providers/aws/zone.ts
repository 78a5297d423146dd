import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { AvailabilityZone } from '@aws-sdk/client-ec2';
import type { Availability, MapContext, Zone } from '../../model/index.js';
import { lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall } from './client.js';
import { awsOperation, baseFields, defined } from './common.js';
import { ec2Sdk } from './sdk.js';

const { DescribeAvailabilityZonesCommand } = ec2Sdk;

const DESCRIBE_AVAILABILITY_ZONES = awsOperation('ec2', 'DescribeAvailabilityZones', false);

const ZONE_STATE: Readonly<Record<string, Availability>> = {
  available: 'available',
  information: 'available',
  constrained: 'available',
  impaired: 'error',
  unavailable: 'error',
};

/** A zone; its native id is the zone name (`us-east-1a`), its alias the zone id (`use1-az1`). */
function mapZoneUnguarded(raw: AvailabilityZone, ctx: MapContext): Zone {
  const nativeId = raw.ZoneName ?? '';
  return {
    ...baseFields(ctx, 'zone', nativeId, nativeId, {}),
    ...defined({ alias: raw.ZoneId }),
    state: lookup(ZONE_STATE, raw.State, 'unknown'),
  };
}

export const zoneFetcher: ResourceFetcher<AwsSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [DESCRIBE_AVAILABILITY_ZONES],
  async *fetch(ctx) {
    const ec2 = ctx.session.clients.ec2(ctx.region);
    // Not paged: one response lists every zone of the region.
    const out = await awsCall(ctx, DESCRIBE_AVAILABILITY_ZONES, ctx.region, (signal) =>
      ec2.send(new DescribeAvailabilityZonesCommand({}), { abortSignal: signal }),
    );
    for (const raw of out.AvailabilityZones ?? [])
      yield { kind: 'zone', record: mapZone(raw, ctx.map) };
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('aws zone', mapZoneUnguarded, ZoneSchema);
