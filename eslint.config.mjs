// Lint rules that guard the architecture: the core never imports `vscode`, and no promise is
// left floating without an explicit `void`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'scratch/**', 'sample-workspace/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core and the CLI never import vscode: keep them usable from Node alone.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core never imports vscode.' },
            ...['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'worker_threads', 'stream', 'events', 'buffer', 'process'].map((name) => ({ name, message: 'The core uses no Node API: a browser host runs it too. File access comes from the host (core/project/host.ts).' })),
          ],
          patterns: [
            { group: ['**/extension/**', '**/cli/**', '**/node/**', '**/webview/**'], message: 'The core depends on no host.' },
            { group: ['node:*'], message: 'The core uses no Node API: a browser host runs it too.' },
          ],
        },
      ],
    },
  },
  {
    // node:test's test() and describe() return promises that the runner itself awaits.
    files: ['test/unit/**/*.ts', 'test/browser/**/*.ts', 'test/site/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
);
