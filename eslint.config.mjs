import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS files (configs, launch scripts).
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Domain code stays framework-free: no Nest, TypeORM, React or ExcelJS.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'exceljs', 'node:*', 'fs', 'path'] },
      ],
    },
  },
  {
    // Chart builders run in the browser and on the server: no framework, no DOM, and ECharts'
    // types only (each side loads its own runtime).
    files: ['libs/charts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['echarts', 'echarts/*', 'zrender', 'zrender/*'], allowTypeImports: true },
            { group: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'exceljs', 'node:*', 'fs', 'path'] },
          ],
        },
      ],
    },
  },
  prettier,
);
