const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A share (0.667) as the dashboard writes it ("66.7%"); a missing one as a dash. */
export const percent = (share: number | null): string => (share === null ? '—' : PERCENT.format(share));

/**
 * A count as a report gives it: a number, or the API's "<5" or "hidden" where a small number could
 * identify a client (shown as given, so the table never claims more than the API said).
 */
export const count = (value: number | string): string => (typeof value === 'number' ? NUMBER.format(value) : value);

/** A count the chart can draw: withheld counts draw no bar (the table says why). */
export const plottable = (value: number | string): number | null => (typeof value === 'number' ? value : null);

/** Cents of one currency as money ("$500.00"). */
export const money = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
