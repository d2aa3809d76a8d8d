/** Jest: unit specs beside the code, integration specs under test/ on the real broker, store and SMTP, browser specs of the console. */
const { exclude, ...swcrc } = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const swc = ['@swc/jest', { ...swcrc, swcrc: false }];
const moduleNameMapper = {
  '^@cohort/(common|contracts|messaging|auth|testing)$': '<rootDir>/libs/$1/src',
  '^@cohort/(common|contracts|messaging|auth|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 120000,
  // Integration specs share one broker, topic prefix and consumer groups: two files running at once would
  // split each other's partitions. One worker keeps them apart (and suits a 2-core machine).
  maxWorkers: 1,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,test,scripts,bench}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/databases-per-file.ts'],
    },
    {
      // the admin console in headless Chromium against the real system (see test/browser)
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/databases-per-file.ts'],
    },
  ],
};
