import { badInput } from '../errors/app-error';

/** A keyset position: the sort value and the id of the last row seen. */
export interface Cursor {
  key: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(field: string, cursor: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && (v[0] === null || ['string', 'number'].includes(typeof v[0]))) {
      return { key: v[0] as Cursor['key'], id: v[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(field, 'is not a cursor this API issued');
}
