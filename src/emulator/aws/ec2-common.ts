/** Helpers shared by the EC2 handlers. */
import type { Seq } from '../world-types.js';
import { listParam, type AwsCall, type PageSpec } from './call.js';
import { AwsApiError } from './errors.js';

/** `MaxResults` 5–1000, the range of most EC2 Describe actions. */
export const EC2_PAGE: PageSpec = {
  sizeParam: 'MaxResults',
  tokenParam: 'NextToken',
  min: 5,
  max: 1000,
};

/** Only the items whose id is listed in `<idParam>.N`; an unknown id is an error, as in EC2. */
export function selectById<T>(
  call: AwsCall,
  all: Seq<T>,
  idParam: string,
  idOf: (item: T) => string,
  notFoundCode: string,
): Seq<T> {
  const ids = listParam(call, idParam);
  if (ids.length === 0) return all;
  const wanted = new Set(ids);
  const found: T[] = [];
  for (const item of all) if (wanted.has(idOf(item))) found.push(item);
  const seen = new Set(found.map(idOf));
  const missing = ids.find((id) => !seen.has(id));
  if (missing !== undefined) {
    throw new AwsApiError(400, notFoundCode, `The ID '${missing}' does not exist`);
  }
  return found;
}
