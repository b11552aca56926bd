import { Type } from '@nestjs/common';
import { getSchemaPath, PickType } from '@nestjs/swagger';

/** The class `AllowListView` builds: the view's OpenAPI schema, its fields, and the projection to it. */
export interface AllowListViewType<Full extends object, K extends keyof Full> extends Type<Pick<Full, K>> {
  /** The fields the view shows, and the only ones. */
  readonly fields: readonly K[];
  /** The listed fields of `full` (those it has), and nothing else: a field the list does not name never gets through. */
  of(full: Full): Pick<Full, K>;
}

/**
 * A restricted view of a response DTO, declared as the allow-list of its fields, for a reader who
 * may see only part of it (a director, a case manager reading the audit log). The OpenAPI schema
 * (`PickType`: each field keeps its documentation) and the projection (`of`) come from the same
 * list, so a field added to the full DTO later stays out of the view until someone adds it to the
 * list on purpose. Declared like a page: `class ClientDirectorView extends AllowListView(ClientResponse, [...]) {}`.
 */
export function AllowListView<Full extends object, const K extends keyof Full>(
  full: Type<Full>,
  fields: readonly K[],
): AllowListViewType<Full, K> {
  // Typed as a plain class: TypeScript cannot extend the generic `Pick<Full, K>` itself.
  const Picked: Type<object> = PickType(full, fields);
  class View extends Picked {
    static readonly fields = fields;

    static of(value: Full): Pick<Full, K> {
      const view = {} as Pick<Full, K>;
      for (const field of fields) if (field in value) view[field] = value[field];
      return view;
    }
  }
  return View as unknown as AllowListViewType<Full, K>;
}

/**
 * The OpenAPI schema of a value some readers get whole and others as its `AllowListView`: `anyOf`,
 * since a whole answer is also valid against the restricted schema (`oneOf` would be wrong).
 */
export const wholeOrView = (full: Type, restricted: Type) => ({
  anyOf: [{ $ref: getSchemaPath(full) }, { $ref: getSchemaPath(restricted) }],
});
