import { z } from 'zod';
import type { KnownRegion, ProviderSpec } from '../types.js';

/**
 * A service principal (`tenant_id`, `client_id`, `client_secret`), or a bearer token obtained elsewhere
 * (`access_token`, e.g. by workload identity in CI). With neither a secret nor a token, the Azure SDK's default
 * credential chain is used (environment, workload identity, managed identity, Azure CLI).
 * `subscription_id` limits the account to one subscription; absent, every subscription the principal sees.
 */
export const AzureCredentialsSchema = z
  .object({
    tenant_id: z.string().min(1).optional(),
    client_id: z.string().min(1).optional(),
    client_secret: z.string().min(1).optional(),
    /** A subscription UUID (checked when connecting: ARM and some SDKs accept nothing else). */
    subscription_id: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((c, issue) => {
    if (c.client_secret === undefined) return;
    for (const key of ['tenant_id', 'client_id'] as const) {
      if (c[key] === undefined) {
        issue.addIssue({ code: 'custom', path: [key], message: 'is required with client_secret' });
      }
    }
  });
export type AzureCredentials = z.infer<typeof AzureCredentialsSchema>;

export const AZURE_CLOUDS = ['public', 'china', 'usgov'] as const;
export type AzureCloud = (typeof AZURE_CLOUDS)[number];

export const AzureOptionsSchema = z
  .object({
    /** Which Azure cloud: its ARM (`management`) and Entra ID (`login`) hosts. */
    cloud: z.enum(AZURE_CLOUDS).default('public'),
  })
  .strict();

/** ARM and login hosts of each cloud (overridden by `endpoints.management` / `endpoints.login`). */
export const CLOUD_HOSTS: Readonly<Record<AzureCloud, { management: string; login: string }>> = {
  public: {
    management: 'https://management.azure.com',
    login: 'https://login.microsoftonline.com',
  },
  china: {
    management: 'https://management.chinacloudapi.cn',
    login: 'https://login.chinacloudapi.cn',
  },
  usgov: {
    management: 'https://management.usgovcloudapi.net',
    login: 'https://login.microsoftonline.us',
  },
};

/** Azure locations (id and the display name ARM lists), for suggestions and as the fallback list. */
export const AZURE_KNOWN_REGIONS: readonly KnownRegion[] = [
  { id: 'eastus', localName: 'East US' },
  { id: 'eastus2', localName: 'East US 2' },
  { id: 'centralus', localName: 'Central US' },
  { id: 'northcentralus', localName: 'North Central US' },
  { id: 'southcentralus', localName: 'South Central US' },
  { id: 'westcentralus', localName: 'West Central US' },
  { id: 'westus', localName: 'West US' },
  { id: 'westus2', localName: 'West US 2' },
  { id: 'westus3', localName: 'West US 3' },
  { id: 'canadacentral', localName: 'Canada Central' },
  { id: 'canadaeast', localName: 'Canada East' },
  { id: 'brazilsouth', localName: 'Brazil South' },
  { id: 'northeurope', localName: 'North Europe' },
  { id: 'westeurope', localName: 'West Europe' },
  { id: 'uksouth', localName: 'UK South' },
  { id: 'ukwest', localName: 'UK West' },
  { id: 'francecentral', localName: 'France Central' },
  { id: 'germanywestcentral', localName: 'Germany West Central' },
  { id: 'swedencentral', localName: 'Sweden Central' },
  { id: 'switzerlandnorth', localName: 'Switzerland North' },
  { id: 'norwayeast', localName: 'Norway East' },
  { id: 'polandcentral', localName: 'Poland Central' },
  { id: 'italynorth', localName: 'Italy North' },
  { id: 'uaenorth', localName: 'UAE North' },
  { id: 'qatarcentral', localName: 'Qatar Central' },
  { id: 'israelcentral', localName: 'Israel Central' },
  { id: 'southafricanorth', localName: 'South Africa North' },
  { id: 'centralindia', localName: 'Central India' },
  { id: 'southindia', localName: 'South India' },
  { id: 'eastasia', localName: 'East Asia' },
  { id: 'southeastasia', localName: 'Southeast Asia' },
  { id: 'japaneast', localName: 'Japan East' },
  { id: 'japanwest', localName: 'Japan West' },
  { id: 'koreacentral', localName: 'Korea Central' },
  { id: 'australiaeast', localName: 'Australia East' },
  { id: 'australiasoutheast', localName: 'Australia Southeast' },
  { id: 'chinaeast2', localName: 'China East 2' },
  { id: 'chinaeast3', localName: 'China East 3' },
  { id: 'chinanorth2', localName: 'China North 2' },
  { id: 'chinanorth3', localName: 'China North 3' },
  { id: 'usgovvirginia', localName: 'USGov Virginia' },
  { id: 'usgovarizona', localName: 'USGov Arizona' },
  { id: 'usgovtexas', localName: 'USGov Texas' },
];

/** Endpoint service codes: the ARM host and the Entra ID (AAD) authority host. */
export const AZURE_SERVICES = ['management', 'login'] as const;
export type AzureService = (typeof AZURE_SERVICES)[number];

export const azureSpec: ProviderSpec<AzureCredentials> = {
  name: 'azure',
  credentials: AzureCredentialsSchema,
  secretKeys: ['client_secret', 'access_token'],
  // Tenant and client ids are not secrets on their own, but they are never printed either.
  redactKeys: ['tenant_id', 'client_id'],
  credentialEnv: {
    tenant_id: 'AZURE_TENANT_ID',
    client_id: 'AZURE_CLIENT_ID',
    client_secret: 'AZURE_CLIENT_SECRET',
    subscription_id: 'AZURE_SUBSCRIPTION_ID',
    access_token: 'AZURE_ACCESS_TOKEN',
  },
  options: AzureOptionsSchema,
  services: AZURE_SERVICES,
  knownRegions: AZURE_KNOWN_REGIONS,
};
