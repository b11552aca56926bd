import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIP,
  ValidateIf,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;

const JWT_SECRET_RULE = 'JWT_SECRET must be set to a random string of 32 to 512 characters';
const CORS_ORIGINS_RULE =
  'CORS_ORIGINS must be comma-separated origins such as https://app.example.org (scheme, host and port; no path, no *)';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Every setting the processes read from the environment, with the local defaults that let a
 * new developer run the product without writing any. `.env.example` lists the same names.
 */
export class Environment {
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535' })
  @Min(1, { message: 'PORT must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 1 to 65535' })
  PORT = 3000;

  /** Address the HTTP server binds to; containers set 0.0.0.0. */
  @trimmed()
  @ValidateIf((env: Environment) => env.HOST !== 'localhost')
  @IsIP(undefined, { message: 'HOST must be an IP address (127.0.0.1, 0.0.0.0, ::) or localhost' })
  HOST = '127.0.0.1';

  /**
   * Whom to believe about the client's address (X-Forwarded-For): false (default: nobody), true,
   * a hop count, or the proxies' addresses. Login rate limits and the audit log use that address.
   */
  @trimmed()
  @Matches(/^(false|true|\d{1,2}|[0-9a-fA-F:./]+(\s*,\s*[0-9a-fA-F:./]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, or comma-separated proxy IPs/CIDRs',
  })
  TRUST_PROXY = 'false';

  /**
   * Browser origins allowed to call the API cross-origin (comma-separated, exact:
   * `https://app.example.org`, scheme, host and port only). Unset: no cross-origin access.
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          // Browsers send the scheme and host in lower case.
          .map((origin) => origin.trim().toLowerCase())
          .filter(Boolean)
      : value,
  )
  @Matches(/^https?:\/\/[^/\s?#*]+$/, { each: true, message: CORS_ORIGINS_RULE })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true },
    { each: true, message: CORS_ORIGINS_RULE },
  )
  CORS_ORIGINS: string[] = [];

  @trimmed()
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/img_pathways' },
  )
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/img_pathways';

  @Type(() => Number)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number from 1 to 200' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be a whole number from 1 to 200' })
  @Max(200, { message: 'DATABASE_POOL_SIZE must be a whole number from 1 to 200' })
  DATABASE_POOL_SIZE = 10;

  /**
   * Read replicas for the reports (comma-separated postgres:// URLs). Unset: the reports read the
   * primary. Everything else always reads the primary, so a write is seen by the next request.
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((url) => url.trim())
          .filter(Boolean)
      : value,
  )
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false, allow_underscores: true },
    { each: true, message: 'DATABASE_READ_URLS must be comma-separated postgres:// URLs' },
  )
  DATABASE_READ_URLS: string[] = [];

  @trimmed()
  @IsUrl(
    { protocols: ['redis', 'rediss'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' },
  )
  @Matches(/^rediss?:\/\/[^/]*(\/\d{0,2})?$/, {
    message: 'REDIS_URL must be redis://host:port with an optional database number, e.g. redis://127.0.0.1:6379/1',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Where the login rate limits are counted in Redis (a key prefix): every API process of a
   * deployment shares the counts under it; two deployments on one Redis keep theirs apart.
   */
  @Matches(/^[A-Za-z0-9:_.-]{1,100}$/, {
    message: 'RATE_LIMIT_PREFIX must be 1 to 100 letters, digits, colons, dots, dashes or underscores',
  })
  RATE_LIMIT_PREFIX = 'img-pathways:rate-limit:';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Signs access tokens (HS256). Required by the API (see `REQUIRED_BY`): the demo generates one
   * per run and the tests set their own; a deployment sets a long random value
   * (`openssl rand -base64 48`). Tools that issue no tokens (migrations, set-up) do without.
   */
  @IsOptional()
  @IsString({ message: JWT_SECRET_RULE })
  @MinLength(32, { message: JWT_SECRET_RULE })
  @MaxLength(512, { message: JWT_SECRET_RULE })
  JWT_SECRET?: string;

  /** SMTP server for e-mail; when unset, messages are written to MAIL_OUTBOX_DIR and logged. */
  @IsOptional()
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_protocol: true, require_tld: false },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' },
  )
  SMTP_URL?: string;

  @IsString()
  @MinLength(1, { message: 'MAIL_OUTBOX_DIR must be a folder path' })
  MAIL_OUTBOX_DIR = 'var/outbox';

  @IsEmail({}, { message: 'MAIL_FROM must be an e-mail address' })
  MAIL_FROM = 'no-reply@imgpathways.local';

  /** Where people open the product; links in e-mails start with it. */
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' },
  )
  @Matches(/[^/]$/, { message: 'PUBLIC_URL must not end with a slash' })
  PUBLIC_URL = 'http://localhost:3000';

  /** First retry delay of a reminder delivery whose SMTP server refused; doubles each attempt. */
  @Type(() => Number)
  @IsInt({ message: 'REMINDER_RETRY_DELAY_MS must be a whole number from 10 to 3600000' })
  @Min(10, { message: 'REMINDER_RETRY_DELAY_MS must be a whole number from 10 to 3600000' })
  @Max(3600000, { message: 'REMINDER_RETRY_DELAY_MS must be a whole number from 10 to 3600000' })
  REMINDER_RETRY_DELAY_MS = 60000;

  /** Attempts at a reminder delivery before it is marked failed (1 minute to 16 minutes apart by default). */
  @Type(() => Number)
  @IsInt({ message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  @Min(1, { message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  @Max(20, { message: 'REMINDER_ATTEMPTS must be a whole number from 1 to 20' })
  REMINDER_ATTEMPTS = 5;

  /** Reminder jobs one worker process runs at once (deliveries wait on SMTP, so more than the cores). */
  @Type(() => Number)
  @IsInt({ message: 'REMINDER_CONCURRENCY must be a whole number from 1 to 200' })
  @Min(1, { message: 'REMINDER_CONCURRENCY must be a whole number from 1 to 200' })
  @Max(200, { message: 'REMINDER_CONCURRENCY must be a whole number from 1 to 200' })
  REMINDER_CONCURRENCY = 16;

  /** In report breakdowns by country or specialty, counts from 1 below this are shown as "<N" to roles below admin. */
  @Type(() => Number)
  @IsInt({ message: 'REPORT_SMALL_COUNT must be a whole number from 2 to 50' })
  @Min(2, { message: 'REPORT_SMALL_COUNT must be a whole number from 2 to 50' })
  @Max(50, { message: 'REPORT_SMALL_COUNT must be a whole number from 2 to 50' })
  REPORT_SMALL_COUNT = 5;

  /**
   * Where documents' bytes live: `file:<folder>` (default `file:var/documents`, needs nothing) or
   * `s3://<bucket>[/<prefix>]` for any S3-compatible store, with the `S3_*` settings below.
   */
  @trimmed()
  @Matches(/^(file:.+|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?)$/, {
    message: 'STORAGE_URL must be file:<folder> or s3://<bucket>[/<prefix>]',
  })
  STORAGE_URL = 'file:var/documents';

  /** An S3-compatible store's URL (MinIO, Ceph); unset for AWS S3. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'S3_ENDPOINT must be an http(s) URL, e.g. http://127.0.0.1:9000' },
  )
  S3_ENDPOINT?: string;

  @IsString()
  @MinLength(1, { message: 'S3_REGION must be a region name, e.g. us-east-1' })
  S3_REGION = 'us-east-1';

  /** Unset: the AWS SDK's own chain (instance role, ~/.aws, AWS_* variables). */
  @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (endpoint/bucket/key), which MinIO and most self-hosted stores need. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() === 'true' : value))
  @IsIn([true, false], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /** Largest document accepted; larger uploads get 413. */
  @Type(() => Number)
  @IsInt({ message: 'DOCUMENT_MAX_BYTES must be a whole number from 1024 to 1073741824' })
  @Min(1024, { message: 'DOCUMENT_MAX_BYTES must be a whole number from 1024 to 1073741824' })
  @Max(1073741824, { message: 'DOCUMENT_MAX_BYTES must be a whole number from 1024 to 1073741824' })
  DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** Largest request body accepted; larger ones get 413. */
  @Type(() => Number)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be a whole number from 1024 to 104857600' })
  @Min(1024, { message: 'BODY_LIMIT_BYTES must be a whole number from 1024 to 104857600' })
  @Max(104857600, { message: 'BODY_LIMIT_BYTES must be a whole number from 1024 to 104857600' })
  BODY_LIMIT_BYTES = 1048576;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates raw environment values into a typed `Environment`. Empty strings count as unset, so
 * `PORT=` in a .env file falls back to the default instead of failing obscurely.
 * Throws one `ConfigError` whose message names every bad variable on one line.
 */
/** Settings that have no safe default and that only some processes need. */
export type RequiredSetting = 'JWT_SECRET';
const REQUIRED_RULES: Record<RequiredSetting, string> = { JWT_SECRET: JWT_SECRET_RULE };

export function validateEnvironment(
  raw: Record<string, string | undefined>,
  required: readonly RequiredSetting[] = [],
): Environment {
  const known = [...Object.keys(new Environment()), 'JWT_SECRET', 'SMTP_URL'];
  const present = Object.fromEntries(
    known.filter((key) => raw[key] !== undefined && raw[key] !== '').map((key) => [key, raw[key]]),
  );
  const env = plainToInstance(Environment, present);
  const problems = [
    ...validateSync(env).flatMap((error) => Object.values(error.constraints ?? {}).slice(0, 1)),
    ...required.filter((key) => env[key] === undefined).map((key) => REQUIRED_RULES[key]),
  ];
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}

/**
 * Entry points call this first: reads `.env` from the working directory when there is one (real
 * environment variables win), fills in `defaults` for what is still unset, validates, and on a bad
 * value prints one line and exits with 1.
 */
export interface LoadOptions {
  envFile?: string;
  /** Values for settings still unset after the environment and `.env` (the demo's generated secret). */
  defaults?: Record<string, string>;
  required?: readonly RequiredSetting[];
}

export function loadEnvironmentOrExit({
  envFile = '.env',
  defaults = {},
  required = [],
}: LoadOptions = {}): Environment {
  if (existsSync(envFile)) {
    process.loadEnvFile(envFile);
  }
  for (const [key, value] of Object.entries(defaults)) {
    if (!process.env[key]) process.env[key] = value;
  }
  try {
    return validateEnvironment(process.env, required);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
