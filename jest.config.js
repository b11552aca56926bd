/** Unit tests sit beside the code; e2e tests in test/ boot the real app against PostgreSQL and Redis. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      // Rewrite the path aliases at transform time, so code Jest loads outside its module
      // registry (globalSetup) resolves them as well.
      baseUrl: __dirname,
      paths: {
        '@lib/*': ['./libs/*/src'],
        '@app/api': ['./apps/api/src'],
        '@app/worker': ['./apps/worker/src'],
        '@app/cli': ['./apps/cli/src'],
      },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lib/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)$': '<rootDir>/apps/$1/src',
  },
  testEnvironment: 'node',
};

module.exports = {
  // The pathway engine is the product's rulebook: every branch of it is tested (issue: 100%).
  coverageProvider: 'v8',
  collectCoverageFrom: ['libs/pathway/src/**/*.ts', '!**/*.spec.ts', '!**/*.factories.ts', '!**/index.ts'],
  coverageThreshold: { './libs/pathway/src/': { branches: 100, functions: 100, lines: 100, statements: 100 } },
  coverageReporters: ['text-summary', 'text'],
  // e2e tests use real databases, argon2 and queue round-trips: more than Jest's 5 s default on a loaded machine.
  testTimeout: 20_000,
  // One suite at a time: the e2e suites share one database, and a reminder sweep reads every client in it
  // (run side by side, one suite's worker would deliver another suite's reminders).
  maxWorkers: 1,
  // ...in one worker process, replaced once a suite leaves it above this: in a single process the
  // heap grows suite after suite (apps, browsers, coverage) and every later suite ran 2-8x slower.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      setupFiles: ['<rootDir>/test/setup/test-env.ts'],
    },
  ],
};
