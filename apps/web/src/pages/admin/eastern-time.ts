import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The Match calendar is published in US Eastern time, whatever zone the admin's browser is in. */
const EASTERN = 'America/New_York';
/** What Mantine's date-time inputs hold: a wall-clock time, no zone. */
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An instant (ISO-8601 with offset) as the wall-clock time in Eastern, for a DateTimePicker. */
export const toEasternWallClock = (instant: string): string => dayjs(instant).tz(EASTERN).format(PICKER_FORMAT);

/** A wall-clock time in Eastern as ISO-8601 with its offset (`2027-03-03T21:00:00-05:00`), as the API takes it. */
export const fromEasternWallClock = (wallClock: string): string => dayjs.tz(wallClock, PICKER_FORMAT, EASTERN).format();

/** The same Eastern date and time `years` later: a first estimate of next season's date for an event. */
export const yearsLater = (instant: string, years: number): string =>
  fromEasternWallClock(dayjs(toEasternWallClock(instant)).add(years, 'year').format(PICKER_FORMAT));
