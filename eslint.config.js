import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'src/server/db/migrations/**', 'coverage/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // A feature never imports another feature's internals (DESIGN.md §3); only its index.
    files: ['src/web/features/**'],
    // The shared UI kit (../../../components/ui) and lib are fine; another feature's api/ or
    // components/ (../../<feature>/api/…) is not.
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./[^./][^/]*/(api|components)(/|$)', message: 'A feature never imports another feature’s internals: import from its index.' }] },
      ],
    },
  },
);
