/** Real maxima: every VPC list takes Limit ≤ 100 (default 20); the first four type Offset/Limit as String. */
export const VPC_PAGE = {
  DescribeVpcs: { max: 100, default: 20, strings: true },
  DescribeSubnets: { max: 100, default: 20, strings: true },
  DescribeSecurityGroups: { max: 100, default: 20, strings: true },
  DescribeRouteTables: { max: 100, default: 20, strings: true },
  DescribeNetworkInterfaces: { max: 100, default: 20 },
  DescribeAddresses: { max: 100, default: 20 },
  DescribeNatGateways: { max: 100, default: 20 },
  DescribeNatGatewayDestinationIpPortTranslationNatRules: { max: 100, default: 20 },
  DescribeVpcPeeringConnections: { max: 100, default: 20 },
  DescribeCcns: { max: 100, default: 20 },
  DescribeCcnAttachedInstances: { max: 100, default: 20 },
} as const;
