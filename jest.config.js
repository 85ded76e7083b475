// Three projects: unit (no database, no network), integration (a real Neo4j that the run starts
// itself on a free port and a temporary folder; see test/support/global-setup.ts) and browser
// (the workbench pages in Debian's Chromium, against the real service on that Neo4j; its setup
// bundles web/ first). Run in band: suites share that Neo4j and clean it between files. Type
// checking is `npm run typecheck`.
const transform = {
  '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
};
// jose 6 ships ESM only: let ts-jest turn it into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];
// bench/ab.ts checks a second copy of the project out under .bench-data: not a module of this one.
const modulePathIgnorePatterns = ['<rootDir>/.bench-data/'];

module.exports = {
  // Integration tests start Neo4j and run real queries: generous per-test time (not a speed check).
  testTimeout: 180000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      modulePathIgnorePatterns,
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      modulePathIgnorePatterns,
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      modulePathIgnorePatterns,
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
