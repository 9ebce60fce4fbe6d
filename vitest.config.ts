import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The shell completion scripts are plain shell files imported as text, as esbuild's
  // text loader does in scripts/build.mjs.
  plugins: [
    {
      name: 'shell-scripts-as-text',
      transform(code, id) {
        return /\.(bash|zsh|fish)$/.test(id) ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    // One temporary folder per run, removed at its end (tests/helpers/temp-root.ts).
    globalSetup: ['tests/helpers/temp-root.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests drive real pseudo-terminals; keep the 2-core CI machine calm.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
