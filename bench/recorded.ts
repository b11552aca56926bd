/** The SQL an endpoint ran, recorded by `npm run bench` and replayed by `bench/raw-server.ts`. */

/** A recorded parameter: a constant, or the request's value (alone or as the one element of an array). */
export type RecordedParam = { value: unknown } | { variable: 'scalar' | 'array' };

export interface RecordedStatement {
  sql: string;
  params: RecordedParam[];
}

/** Endpoint name → its statements, in the order the API ran them. */
export type RecordedRoutes = Record<string, RecordedStatement[]>;

/** The parameters for one request, its value put where the recorded request had its own. */
export function bindParams(params: RecordedParam[], value: string): unknown[] {
  return params.map((p) => ('value' in p ? p.value : p.variable === 'array' ? [value] : value));
}
