// ESM throughout: @actions/* ship only an "import" condition, so Jest runs with
// --experimental-vm-modules (see package.json) and swc strips types without a type check.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } }, module: { type: 'es6' } },
    ],
    // Stylesheets are imported as text, as esbuild's text loader does in the bundles.
    '\\.css$': '<rootDir>/test/transforms/text.cjs',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
