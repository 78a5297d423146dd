import type { ErrorKind, ProviderName, ResourceKind } from '../model/index.js';

export interface ErrorDetails {
  provider?: ProviderName | undefined;
  account?: string | undefined;
  region?: string | undefined;
  kind?: ResourceKind | undefined;
  operation?: string | undefined;
  httpStatus?: number | undefined;
  providerCode?: string | undefined;
  requestId?: string | undefined;
  /** Server-suggested delay before a retry, in ms (Retry-After). */
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * Base of every error this tool raises. `toJSON()` never includes headers, credentials or signatures:
 * only the fields below, and the message, which callers must build without secrets.
 */
export class DeepflowCloudError extends Error {
  readonly kind: ErrorKind;
  readonly provider: ProviderName | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly resourceKind: ResourceKind | undefined;
  readonly operation: string | undefined;
  readonly httpStatus: number | undefined;
  readonly providerCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.provider = details.provider;
    this.account = details.account;
    this.region = details.region;
    this.resourceKind = details.kind;
    this.operation = details.operation;
    this.httpStatus = details.httpStatus;
    this.providerCode = details.providerCode;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Whether the one retry layer may try again. */
  get retryable(): boolean {
    switch (this.kind) {
      case 'throttled':
      case 'network':
        return true;
      case 'provider_error':
        return this.httpStatus !== undefined && this.httpStatus >= 500;
      case 'config_invalid':
      case 'auth_failed':
      case 'permission_denied':
      case 'region_unavailable':
      case 'truncated':
      case 'internal':
      case 'aborted':
        return false;
    }
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      provider: this.provider,
      account: this.account,
      region: this.region,
      resource_kind: this.resourceKind,
      operation: this.operation,
      http_status: this.httpStatus,
      code: this.providerCode,
      request_id: this.requestId,
    };
  }
}

export class ConfigError extends DeepflowCloudError {
  /** Path inside the config (`accounts[2].regions.include[0]`) or the flag (`--regions`). */
  readonly path: string;
  constructor(path: string, message: string, details: ErrorDetails = {}) {
    super('config_invalid', path ? `${path}: ${message}` : message, details);
    this.path = path;
  }
}
export class AuthError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('auth_failed', message, details);
  }
}
export class PermissionDeniedError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('permission_denied', message, details);
  }
}
export class ThrottledError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('throttled', message, details);
  }
}
export class RegionUnavailableError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('region_unavailable', message, details);
  }
}
export class NetworkError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('network', message, details);
  }
}
export class TruncatedError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('truncated', message, details);
  }
}
export class ProviderError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('provider_error', message, details);
  }
}
export class InternalError extends DeepflowCloudError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('internal', message, details);
  }
}
export class AbortedError extends DeepflowCloudError {
  constructor(message = 'interrupted', details: ErrorDetails = {}) {
    super('aborted', message, details);
  }
}

/** Builds the typed error for a kind (used by classifiers). */
export function errorOfKind(
  kind: ErrorKind,
  message: string,
  details: ErrorDetails = {},
): DeepflowCloudError {
  switch (kind) {
    case 'config_invalid':
      return new ConfigError('', message, details);
    case 'auth_failed':
      return new AuthError(message, details);
    case 'permission_denied':
      return new PermissionDeniedError(message, details);
    case 'throttled':
      return new ThrottledError(message, details);
    case 'region_unavailable':
      return new RegionUnavailableError(message, details);
    case 'network':
      return new NetworkError(message, details);
    case 'truncated':
      return new TruncatedError(message, details);
    case 'provider_error':
      return new ProviderError(message, details);
    case 'internal':
      return new InternalError(message, details);
    case 'aborted':
      return new AbortedError(message, details);
  }
}

export function isDeepflowCloudError(e: unknown): e is DeepflowCloudError {
  return e instanceof DeepflowCloudError;
}
