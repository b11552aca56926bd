import { ConfigError, Environment, loadEnvironmentOrExit, validateEnvironment } from './environment';

const SECRET = 'a-test-secret-that-is-long-enough-0000';

describe(validateEnvironment.name, () => {
  it('gives the local defaults when nothing is set', () => {
    const env = validateEnvironment({ JWT_SECRET: SECRET });
    expect(env).toBeInstanceOf(Environment);
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/img_pathways',
      REDIS_URL: 'redis://127.0.0.1:6379',
      BODY_LIMIT_BYTES: 1048576,
    });
  });

  it('converts numbers and keeps given values', () => {
    const env = validateEnvironment({
      JWT_SECRET: SECRET,
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:s3cret@db:5432/pathways',
      REDIS_URL: 'rediss://cache:6380/2',
    });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe('postgresql://app:s3cret@db:5432/pathways');
    expect(env.REDIS_URL).toBe('rediss://cache:6380/2');
  });

  it('accepts any IP address as HOST and hosts with underscores in URLs', () => {
    const env = validateEnvironment({
      JWT_SECRET: SECRET,
      HOST: '10.0.0.5',
      DATABASE_URL: 'postgres://app@db_primary:5432/x',
    });
    expect(env.HOST).toBe('10.0.0.5');
    expect(validateEnvironment({ JWT_SECRET: SECRET, TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, 192.168.1.1',
    );
  });

  it('reads DATABASE_READ_URLS as a comma-separated list of replicas', () => {
    expect(
      validateEnvironment({ JWT_SECRET: SECRET, DATABASE_READ_URLS: ' postgres://r1:5432/x ,postgres://r2:5432/x,' })
        .DATABASE_READ_URLS,
    ).toEqual(['postgres://r1:5432/x', 'postgres://r2:5432/x']);
    expect(validateEnvironment({ JWT_SECRET: SECRET }).DATABASE_READ_URLS).toEqual([]);
  });

  it('reads CORS_ORIGINS as a comma-separated list of exact origins, none by default', () => {
    expect(
      validateEnvironment({
        JWT_SECRET: SECRET,
        CORS_ORIGINS: ' https://App.Example.org ,http://localhost:5173,',
      }).CORS_ORIGINS,
    ).toEqual(['https://app.example.org', 'http://localhost:5173']);
    expect(validateEnvironment({ JWT_SECRET: SECRET }).CORS_ORIGINS).toEqual([]);
  });

  it('treats an empty value as unset', () => {
    expect(validateEnvironment({ JWT_SECRET: SECRET, PORT: '', LOG_LEVEL: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['BODY_LIMIT_BYTES', '10'],
    ['DATABASE_POOL_SIZE', '-1'],
    ['HOST', 'example.com'],
    ['REDIS_URL', 'redis://127.0.0.1:6379/abc'],
    ['TRUST_PROXY', 'everyone'],
    ['DATABASE_READ_URLS', 'postgres://replica:5432/x, mysql://other/x'],
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://app.example.org/'],
    ['CORS_ORIGINS', 'https://app.example.org, app.example.org'],
    ['CORS_ORIGINS', 'ftp://files.example.org'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => validateEnvironment({ JWT_SECRET: SECRET, [name]: value })).toThrow(ConfigError);
    expect(() => validateEnvironment({ JWT_SECRET: SECRET, [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} must`),
    );
  });

  it('requires a JWT_SECRET of at least 32 characters where asked', () => {
    expect(() => validateEnvironment({}, ['JWT_SECRET'])).toThrow(
      /JWT_SECRET must be set to a random string of 32 to 512 characters/,
    );
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be set/);
    // Tools that issue no tokens (migrations, set-up) do not need it.
    expect(validateEnvironment({}).JWT_SECRET).toBeUndefined();
  });

  it.each([
    ['SMTP_URL', 'http://mail'],
    ['MAIL_FROM', 'not-an-address'],
    ['PUBLIC_URL', 'http://localhost:3000/'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => validateEnvironment({ JWT_SECRET: SECRET, [name]: value })).toThrow(new RegExp(`${name} must`));
  });

  it('names every bad variable on one line', () => {
    try {
      validateEnvironment({ JWT_SECRET: SECRET, PORT: 'x', REDIS_URL: 'nope' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain('PORT must');
      expect(message).toContain('REDIS_URL must');
    }
  });
});

describe(loadEnvironmentOrExit.name, () => {
  const saved = process.env.PORT;
  const savedSecret = process.env.JWT_SECRET;
  beforeEach(() => {
    process.env.JWT_SECRET = SECRET;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
    if (savedSecret === undefined) delete process.env.JWT_SECRET;
    else process.env.JWT_SECRET = savedSecret;
    jest.restoreAllMocks();
  });

  it('prints one line naming the variable and exits with 1 on a bad value', () => {
    process.env.PORT = 'eighty';
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(() => loadEnvironmentOrExit({ envFile: '/nonexistent/.env' })).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0][0])).toMatch(
      /^Invalid configuration: PORT must be a whole number from 1 to 65535\n$/,
    );
  });

  it('returns the environment when it is valid', () => {
    process.env.PORT = '4100';
    expect(loadEnvironmentOrExit({ envFile: '/nonexistent/.env' }).PORT).toBe(4100);
  });
});
