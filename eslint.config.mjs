import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // User text never reaches the DOM as HTML.
  { rules: { 'react/no-danger': 'error' } },
  globalIgnores(['.next/**', 'out/**', '.bench/**', '.e2e/**', 'headers/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
