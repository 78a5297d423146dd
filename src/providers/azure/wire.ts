/** The ARM response types the mappers read: the SDKs' own model types (as the AWS adapter does). */
export type {
  ApplicationGateway,
  FrontendIPConfiguration,
  HubVirtualNetworkConnection,
  LoadBalancer,
  NatGateway,
  NetworkInterface,
  NetworkInterfaceIPConfiguration,
  NetworkSecurityGroup,
  PublicIPAddress,
  RouteTable,
  SecurityRule,
  Subnet,
  VirtualHub,
  VirtualNetwork,
  VirtualNetworkPeering,
} from '@azure/arm-network';
export type { VirtualMachine } from '@azure/arm-compute';
export type { ManagedCluster } from '@azure/arm-containerservice';
export type { RedisResource } from '@azure/arm-rediscache';
export type { Server as SqlServer } from '@azure/arm-sql';
export type { Server as MySqlFlexibleServer } from '@azure/arm-mysql-flexible';
export type { Server as PostgresFlexibleServer } from '@azure/arm-postgresql-flexible';
export type { Location, Subscription } from '@azure/arm-resources-subscriptions';
