import { FieldProblem, ValidationFailed } from '@lib/kernel';
import { ArgumentMetadata, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
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

// A UTF-16 code unit of a surrogate pair standing alone (`\ud800` in JSON): with the `u` flag a
// well-formed pair is one code point and does not match.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The fields (dotted paths; keys count too) of a request value whose text holds a lone surrogate. */
function fieldsWithLoneSurrogates(value: unknown, path: string): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = path ? `${path}.${key}` : key;
    return LONE_SURROGATE.test(key) ? [field] : fieldsWithLoneSurrogates(child, field);
  });
}

/**
 * Text that is not valid Unicode is refused before any validator sees it: validator.js' e-mail
 * check throws a URIError on a lone surrogate (a 500), and PostgreSQL could not store it unchanged.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Body, query and path only: a custom decorator's value (the actor, the request) is not input.
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const fields = fieldsWithLoneSurrogates(value, metadata.data ?? '');
      if (fields.length > 0) {
        throw new ValidationFailed(
          fields.map((field) => ({
            field: field || metadata.type,
            problems: [`${field || metadata.type} must be valid Unicode text (it holds a lone surrogate)`],
          })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/** Refuses unknown fields, converts query strings to their declared types, names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
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
