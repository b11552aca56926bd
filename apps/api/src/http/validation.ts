import { FieldProblem, ValidationFailed } from '@lib/kernel';
import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { Param } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const problems = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      constraint === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    );
    const own = problems.length > 0 ? [{ field, problems }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Refuses unknown fields, converts query strings to their declared types, names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

/** A path parameter that must be a UUID: anything else is a 400 naming it, never a database error. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationFailed([{ field: name, problems: [`${name} must be a UUID`] }]),
    }),
  );
}
