import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { KernelError, KernelErrorCode } from '../errors/app-error';
import { isCivilDate } from '../validation/civil-date';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `limit` and `cursor` of every list route (keyset pagination: never OFFSET). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Builds the OpenAPI schema class of a page of `itemType`. */
export function PageOf<T>(itemType: new () => T): new () => Page<T> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: itemType, isArray: true })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${itemType.name}Page` });
  return PageDto;
}

export type CursorValue = string | number | null;

/** A cursor is the sort key of the last row returned, opaque to clients. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** What each value of a cursor must be, so a forged cursor is a 400 and never reaches SQL. */
export type CursorPart = 'text' | 'uuid' | 'integer' | 'date' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  // PostgreSQL text cannot hold NUL.
  text: (v) => typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000'),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  integer: (v) => (typeof v === 'string' && /^\d{1,19}$/.test(v)) || (typeof v === 'number' && Number.isSafeInteger(v)),
  date: (v) => v === 'infinity' || isCivilDate(v),
  timestamp: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
};

/** Decodes a cursor whose values must be, in order, of the given parts; anything else is a 400. */
export function decodeCursor(cursor: string, parts: CursorPart[]): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) && values.length === parts.length && parts.every((part, i) => PART_CHECKS[part](values[i]));
  if (!valid) {
    throw new KernelError(
      'invalid',
      KernelErrorCode.InvalidCursor,
      'cursor is not a cursor this list returned; start again without it',
    );
  }
  return values as CursorValue[];
}

/**
 * Cuts a result fetched with `limit + 1` rows into a page: the extra row only tells that a next
 * page exists, and the cursor is the sort key of the last row kept.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  sortKey: (row: Row) => CursorValue[],
  map: (row: Row) => Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null,
  };
}
