/** Counts per center of one breakdown (stage or status), as the pipeline report lists them. */
export interface CenterCount {
  center: string;
  value: string;
  clients: number;
}

/** One line of a pivoted breakdown: a value (a stage), its count at each center, and the total. */
export interface PivotRow {
  value: string;
  byCenter: Record<string, number>;
  total: number;
}

/**
 * Turns `(center, value, clients)` rows into one row per value with a column per center, values in
 * the order given (the pathway's order of stages), then any the order does not know.
 */
export function pivot(counts: CenterCount[], order: readonly string[]): { centers: string[]; rows: PivotRow[] } {
  const centers = [...new Set(counts.map((c) => c.center))];
  const values = [...new Set(counts.map((c) => c.value))].sort((a, b) => rank(order, a) - rank(order, b));
  const rows = values.map((value) => {
    const mine = counts.filter((c) => c.value === value);
    return {
      value,
      byCenter: Object.fromEntries(mine.map((c) => [c.center, c.clients])),
      total: mine.reduce((sum, c) => sum + c.clients, 0),
    };
  });
  return { centers, rows };
}

const rank = (order: readonly string[], value: string) => {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
};
