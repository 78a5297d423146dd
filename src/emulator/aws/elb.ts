/** Elastic Load Balancing: v2 (awsQuery 2015-12-01) and classic (awsQuery 2012-06-01), one scope service. */
import type { LoadBalancer, Target, TargetGroup } from '../world-types-services.js';
import { actionTable, listParam, lookup, paginate, type AwsCall, type PageSpec } from './call.js';
import { AwsApiError } from './errors.js';
import { listenerArn, loadBalancerArn, loadBalancerDns, targetGroupArn } from './names.js';
import { el, list, node, queryResponse, scalars } from './xml.js';

export const ELBV2_VERSION = '2015-12-01';
export const ELB_CLASSIC_VERSION = '2012-06-01';
export const ELBV2_NAMESPACE = `http://elasticloadbalancing.amazonaws.com/doc/${ELBV2_VERSION}/`;
export const ELB_CLASSIC_NAMESPACE = `http://elasticloadbalancing.amazonaws.com/doc/${ELB_CLASSIC_VERSION}/`;

const PAGE: PageSpec = { sizeParam: 'PageSize', tokenParam: 'Marker', min: 1, max: 400 };
const PAGED = ['Marker', 'PageSize'];

function respond(call: AwsCall, namespace: string, result: string): string {
  return queryResponse(call.action, namespace, call.requestId, result);
}

function notFound(what: string): AwsApiError {
  return new AwsApiError(400, `${what}NotFound`, `One or more ${what.toLowerCase()}s not found`);
}

function v2LoadBalancers(call: AwsCall): LoadBalancer[] {
  return call.res.loadBalancers.filter((lb) => lb.type !== 'classic');
}

function describeLoadBalancersV2(call: AwsCall): string {
  const l = lookup(call);
  const arns = listParam(call, 'LoadBalancerArns');
  const names = listParam(call, 'Names');
  let lbs = v2LoadBalancers(call);
  if (arns.length > 0)
    lbs = arns.map((a) => l.loadBalancersByArn.get(a) ?? fail(notFound('LoadBalancer')));
  if (names.length > 0) {
    lbs = names.map((n) => lbs.find((lb) => lb.name === n) ?? fail(notFound('LoadBalancer')));
  }
  const { items, next } = paginate(call, lbs, PAGE);
  const render = (lb: LoadBalancer): string =>
    [
      el('LoadBalancerArn', loadBalancerArn(call.region, call.accountId, lb)),
      el('DNSName', loadBalancerDns(call.region, lb)),
      el('CanonicalHostedZoneId', lb.type === 'network' ? 'Z26RNL4JYFTOTI' : 'Z35SXDOTRQ7X7K'),
      el('CreatedTime', lb.createdAt),
      el('LoadBalancerName', lb.name),
      el('Scheme', lb.scheme === 'internet' ? 'internet-facing' : 'internal'),
      el('VpcId', lb.vpcId),
      node('State', el('Code', lb.state)),
      el('Type', lb.type),
      list(
        'AvailabilityZones',
        lb.subnetIds.map((s, i) => ({ subnet: s, zone: lb.zones[i] })),
        (z) => el('ZoneName', z.zone) + el('SubnetId', z.subnet) + '<LoadBalancerAddresses/>',
        'member',
      ),
      scalars('SecurityGroups', lb.securityGroupIds),
      el('IpAddressType', 'ipv4'),
    ].join('');
  return respond(
    call,
    ELBV2_NAMESPACE,
    list('LoadBalancers', items, render, 'member') + el('NextMarker', next),
  );
}

function fail(err: AwsApiError): never {
  throw err;
}

function describeListeners(call: AwsCall): string {
  const arn = call.params['LoadBalancerArn'];
  if (arn === undefined) {
    throw new AwsApiError(400, 'ValidationError', 'A load balancer ARN must be specified');
  }
  const l = lookup(call);
  const lb = l.loadBalancersByArn.get(arn);
  if (lb === undefined || lb.type === 'classic') throw notFound('LoadBalancer');
  const { items, next } = paginate(call, lb.listeners, PAGE, arn);
  const render = (ls: LoadBalancer['listeners'][number]): string => {
    const tg = ls.targetGroupId === undefined ? undefined : l.targetGroups.get(ls.targetGroupId);
    const tgArn = tg === undefined ? undefined : targetGroupArn(call.region, call.accountId, tg);
    return [
      el('ListenerArn', listenerArn(call.region, call.accountId, lb, ls.id)),
      el('LoadBalancerArn', arn),
      el('Port', ls.port),
      el('Protocol', ls.protocol),
      ls.protocol === 'HTTPS'
        ? list(
            'Certificates',
            [ls.id],
            (id) =>
              el(
                'CertificateArn',
                `arn:aws:acm:${call.region}:${call.accountId}:certificate/${id}`,
              ),
            'member',
          ) + el('SslPolicy', 'ELBSecurityPolicy-TLS13-1-2-2021-06')
        : '',
      list(
        'DefaultActions',
        [tgArn],
        (t) =>
          el('Type', 'forward') +
          el('TargetGroupArn', t) +
          el('Order', 1) +
          node(
            'ForwardConfig',
            list('TargetGroups', [t], (x) => el('TargetGroupArn', x) + el('Weight', 1), 'member'),
          ),
        'member',
      ),
    ].join('');
  };
  return respond(
    call,
    ELBV2_NAMESPACE,
    list('Listeners', items, render, 'member') + el('NextMarker', next),
  );
}

function describeTargetGroups(call: AwsCall): string {
  const l = lookup(call);
  let tgs: readonly TargetGroup[] = call.res.targetGroups;
  const lbArn = call.params['LoadBalancerArn'];
  if (lbArn !== undefined) {
    const lb = l.loadBalancersByArn.get(lbArn) ?? fail(notFound('LoadBalancer'));
    tgs = tgs.filter((tg) => tg.loadBalancerIds.includes(lb.id));
  }
  const arns = listParam(call, 'TargetGroupArns');
  if (arns.length > 0)
    tgs = arns.map((a) => l.targetGroupsByArn.get(a) ?? fail(notFound('TargetGroup')));
  const names = listParam(call, 'Names');
  if (names.length > 0)
    tgs = names.map((n) => tgs.find((t) => t.name === n) ?? fail(notFound('TargetGroup')));
  const { items, next } = paginate(call, tgs, PAGE, lbArn ?? '');
  const render = (tg: TargetGroup): string => {
    const http = tg.protocol !== 'TCP';
    return [
      el('TargetGroupArn', targetGroupArn(call.region, call.accountId, tg)),
      el('TargetGroupName', tg.name),
      el('Protocol', tg.protocol),
      el('Port', tg.port),
      el('VpcId', tg.vpcId),
      el('HealthCheckProtocol', tg.protocol),
      el('HealthCheckPort', 'traffic-port'),
      el('HealthCheckEnabled', true),
      el('HealthCheckIntervalSeconds', 30),
      el('HealthCheckTimeoutSeconds', http ? 5 : 10),
      el('HealthyThresholdCount', 5),
      el('UnhealthyThresholdCount', 2),
      http ? el('HealthCheckPath', '/') + node('Matcher', el('HttpCode', '200')) : '',
      scalars(
        'LoadBalancerArns',
        tg.loadBalancerIds.map((id) => {
          const lb = l.loadBalancers.get(id);
          return lb === undefined ? undefined : loadBalancerArn(call.region, call.accountId, lb);
        }),
      ),
      el('TargetType', tg.targetType),
      http ? el('ProtocolVersion', 'HTTP1') : '',
      el('IpAddressType', 'ipv4'),
    ].join('');
  };
  return respond(
    call,
    ELBV2_NAMESPACE,
    list('TargetGroups', items, render, 'member') + el('NextMarker', next),
  );
}

const HEALTH_REASON: Record<Target['health'], [string, string] | undefined> = {
  healthy: undefined,
  unhealthy: ['Target.FailedHealthChecks', 'Health checks failed'],
  unused: ['Target.InvalidState', 'Target is in the stopped state'],
};

function describeTargetHealth(call: AwsCall): string {
  const arn = call.params['TargetGroupArn'];
  const tg = arn === undefined ? undefined : lookup(call).targetGroupsByArn.get(arn);
  if (tg === undefined) throw notFound('TargetGroup');
  const render = (t: Target): string => {
    const reason = HEALTH_REASON[t.health];
    return [
      node(
        'Target',
        el('Id', t.vmId ?? t.ip),
        el('Port', t.port),
        el('AvailabilityZone', t.zone ?? 'all'),
      ),
      el('HealthCheckPort', String(t.port)),
      node(
        'TargetHealth',
        el('State', t.health),
        el('Reason', reason?.[0]),
        el('Description', reason?.[1]),
      ),
    ].join('');
  };
  return respond(
    call,
    ELBV2_NAMESPACE,
    list('TargetHealthDescriptions', tg.targets, render, 'member'),
  );
}

function describeLoadBalancersClassic(call: AwsCall): string {
  const names = listParam(call, 'LoadBalancerNames');
  const l = lookup(call);
  const all = call.res.loadBalancers.filter((lb) => lb.type === 'classic');
  const lbs =
    names.length === 0
      ? all
      : names.map((n) => l.loadBalancersByName.get(n) ?? fail(notFound('LoadBalancer')));
  const { items, next } = paginate(call, lbs, PAGE, 'classic');
  const render = (lb: LoadBalancer): string => {
    const dns = loadBalancerDns(call.region, lb);
    return [
      el('LoadBalancerName', lb.name),
      el('DNSName', dns),
      lb.scheme === 'internet' ? el('CanonicalHostedZoneName', dns) : '',
      el('CanonicalHostedZoneNameID', 'Z35SXDOTRQ7X7K'),
      list(
        'ListenerDescriptions',
        lb.listeners,
        (ls) =>
          node(
            'Listener',
            el('Protocol', ls.protocol),
            el('LoadBalancerPort', ls.port),
            el('InstanceProtocol', ls.instanceProtocol),
            el('InstancePort', ls.instancePort),
          ) + '<PolicyNames/>',
        'member',
      ),
      node(
        'Policies',
        '<AppCookieStickinessPolicies/><LBCookieStickinessPolicies/><OtherPolicies/>',
      ),
      '<BackendServerDescriptions/>',
      scalars('AvailabilityZones', lb.zones),
      scalars('Subnets', lb.subnetIds),
      el('VPCId', lb.vpcId),
      list('Instances', lb.instances, (i) => el('InstanceId', i.vmId), 'member'),
      node(
        'HealthCheck',
        el('Target', 'HTTP:80/'),
        el('Interval', 30),
        el('Timeout', 5),
        el('UnhealthyThreshold', 2),
        el('HealthyThreshold', 10),
      ),
      node('SourceSecurityGroup', el('OwnerAlias', call.accountId), el('GroupName', 'default')),
      scalars('SecurityGroups', lb.securityGroupIds),
      el('CreatedTime', lb.createdAt),
      el('Scheme', lb.scheme === 'internet' ? 'internet-facing' : 'internal'),
    ].join('');
  };
  return respond(
    call,
    ELB_CLASSIC_NAMESPACE,
    list('LoadBalancerDescriptions', items, render, 'member') + el('NextMarker', next),
  );
}

function describeInstanceHealth(call: AwsCall): string {
  const name = call.params['LoadBalancerName'] ?? '';
  const lb = lookup(call).loadBalancersByName.get(name);
  if (lb === undefined) {
    throw new AwsApiError(
      400,
      'LoadBalancerNotFound',
      `There is no ACTIVE Load Balancer named '${name}'`,
    );
  }
  const render = (i: LoadBalancer['instances'][number]): string =>
    i.health === 'in_service'
      ? el('InstanceId', i.vmId) +
        el('State', 'InService') +
        el('ReasonCode', 'N/A') +
        el('Description', 'N/A')
      : el('InstanceId', i.vmId) +
        el('State', 'OutOfService') +
        el('ReasonCode', 'Instance') +
        el('Description', 'Instance is in stopped state.');
  return respond(
    call,
    ELB_CLASSIC_NAMESPACE,
    list('InstanceStates', lb.instances, render, 'member'),
  );
}

export const elbv2Handler = actionTable({
  DescribeLoadBalancers: [describeLoadBalancersV2, [...PAGED, 'LoadBalancerArns', 'Names']],
  DescribeListeners: [describeListeners, [...PAGED, 'LoadBalancerArn']],
  DescribeTargetGroups: [
    describeTargetGroups,
    [...PAGED, 'LoadBalancerArn', 'TargetGroupArns', 'Names'],
  ],
  DescribeTargetHealth: [describeTargetHealth, ['TargetGroupArn']],
});

export const elbClassicHandler = actionTable({
  DescribeLoadBalancers: [describeLoadBalancersClassic, [...PAGED, 'LoadBalancerNames']],
  DescribeInstanceHealth: [describeInstanceHealth, ['LoadBalancerName']],
});
