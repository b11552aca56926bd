import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's civil date, `YYYY-MM-DD`, in UTC (a day's slack either way is allowed by callers). */
export function todayCivil(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface CivilDateOptions {
  /** Refuse dates after today (a birth date, a contact that happened). One day of slack for time zones. */
  notFuture?: boolean;
  /** Earliest accepted date. */
  min?: string;
}

/** A `YYYY-MM-DD` civil date, optionally not in the future and not before `min`. */
export function IsCivilDate(options: CivilDateOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCivilDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (!isCivilDate(value)) return false;
          if (options.min && value < options.min) return false;
          if (options.notFuture) {
            const tomorrow = todayCivil(new Date(Date.now() + 86_400_000));
            if (value > tomorrow) return false;
          }
          return true;
        },
        defaultMessage(args: ValidationArguments) {
          const rules = [
            'a date written YYYY-MM-DD',
            options.notFuture ? 'not in the future' : null,
            options.min ? `not before ${options.min}` : null,
          ].filter(Boolean);
          return `${args.property} must be ${rules.join(', ')}`;
        },
      },
    });
  };
}

/** A year no later than `yearsAhead` after the current one, judged when the request comes. */
export function IsYearAtMostAhead(yearsAhead: number, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isYearAtMostAhead',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value <= new Date().getUTCFullYear() + yearsAhead,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must not be later than ${new Date().getUTCFullYear() + yearsAhead}`,
      },
    });
  };
}
