/** Hand-written XML for the AWS query protocols, in the shapes the AWS SDK v3 parses. */
import type { Tags } from '../world-types.js';

export type Scalar = string | number | boolean | undefined;

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<tag>value</tag>`, or nothing when the value is undefined. */
export function el(tag: string, value: Scalar): string {
  return value === undefined ? '' : `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** `<tag>children</tag>` with already rendered children. */
export function node(tag: string, ...children: readonly string[]): string {
  return `<${tag}>${children.join('')}</${tag}>`;
}

/** A list: `<tag><item>…</item>…</tag>`; EC2 lists use `item`, awsQuery lists `member` (or a named item). */
export function list<T>(
  tag: string,
  items: Iterable<T>,
  render: (item: T) => string,
  itemTag = 'item',
): string {
  let out = '';
  for (const item of items) out += `<${itemTag}>${render(item)}</${itemTag}>`;
  return `<${tag}>${out}</${tag}>`;
}

/** A list of scalars. */
export function scalars(tag: string, items: Iterable<Scalar>, itemTag = 'member'): string {
  let out = '';
  for (const item of items) out += el(itemTag, item);
  return `<${tag}>${out}</${tag}>`;
}

/** EC2 `tagSet`. */
export function ec2Tags(tags: Tags): string {
  return list('tagSet', Object.entries(tags), ([k, v]) => el('key', k) + el('value', v));
}

/** awsQuery tag lists (`TagList` in RDS, `Tags` in ELB). */
export function queryTags(tag: string, tags: Tags, itemTag = 'member'): string {
  return list(tag, Object.entries(tags), ([k, v]) => el('Key', k) + el('Value', v), itemTag);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** `<XResponse xmlns=…><requestId/>…</XResponse>` (EC2 query protocol). */
export function ec2Response(action: string, requestId: string, body: string): string {
  return `${XML_HEAD}<${action}Response xmlns="${EC2_NAMESPACE}">${el('requestId', requestId)}${body}</${action}Response>`;
}

/** `<XResponse><XResult>…</XResult><ResponseMetadata><RequestId/></ResponseMetadata></XResponse>` (awsQuery). */
export function queryResponse(
  action: string,
  namespace: string,
  requestId: string,
  result: string,
): string {
  return (
    `${XML_HEAD}<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${result}</${action}Result>` +
    `${node('ResponseMetadata', el('RequestId', requestId))}</${action}Response>`
  );
}

export function ec2Error(code: string, message: string, requestId: string): string {
  return `${XML_HEAD}<Response><Errors><Error>${el('Code', code)}${el('Message', message)}</Error></Errors>${el('RequestID', requestId)}</Response>`;
}

export function queryError(
  namespace: string,
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string,
): string {
  return `${XML_HEAD}<ErrorResponse xmlns="${namespace}"><Error>${el('Type', type)}${el('Code', code)}${el('Message', message)}</Error>${el('RequestId', requestId)}</ErrorResponse>`;
}
