// Lint holds the architecture: which layer may import which (README#architecture), no cycles,
// and the driver, type-graphql and Apollo each confined to their layer.
const tseslint = require('typescript-eslint');
const importPlugin = require('eslint-plugin-import');

const only = (pkg, where) => ({
  files: ['src/**/*.ts'],
  ignores: where,
  rules: { 'no-restricted-imports': ['error', { paths: [{ name: pkg, message: `${pkg} is confined to ${where.join(', ')}` }], patterns: [`${pkg}/*`] }] },
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/sdk/generated.ts', 'neo4j/launcher/target/**', 'test-artifacts/**', 'src/http/assets/**', 'web/dist/**', '.bench-data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: ['./tsconfig.json', './web/tsconfig.json'], noWarnOnMultipleProjects: true } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'import/no-cycle': ['error', { maxDepth: 10 }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/domain', from: ['./src/graph', './src/graphql', './src/http', './src/loaders', './src/analytics', './src/exports', './src/ingestion', './src/cli'], message: 'domain/ is pure: no I/O layers' },
            { target: './src/graph', from: ['./src/graphql', './src/http', './src/loaders', './src/analytics', './src/exports', './src/ingestion', './src/cli'], message: 'graph/ sits below every other layer' },
            { target: './src/loaders', from: ['./src/graphql', './src/http'], message: 'loaders/ are called by graphql/, not the other way' },
            { target: './src/graphql', from: ['./src/http', './src/cli'], message: 'graphql/ does not know about HTTP or the CLI' },
            { target: './src', from: './test', message: 'test utilities may not be imported from src' },
          ],
        },
      ],
    },
  },
  only('neo4j-driver', ['src/graph/**']),
  only('type-graphql', ['src/graphql/**']),
  only('@apollo/server', ['src/http/**', 'src/errors/format-error.ts']),
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
