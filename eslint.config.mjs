import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // Node-side code: build scripts, emulator, runner, tests.
    files: ['*.mjs', 'scripts/**', 'emulator/**', 'runner/**', 'test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/ui/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
