/** The IANA zones this browser knows, for a center's time zone. */
const KNOWN_ZONES: string[] = Intl.supportedValuesOf('timeZone');

/** The known zones, plus `current` when the browser's list leaves it out (`Etc/GMT+5`, say), so it still shows. */
export function timeZoneChoices(current: string): string[] {
  return current === '' || KNOWN_ZONES.includes(current) ? KNOWN_ZONES : [current, ...KNOWN_ZONES];
}
