import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/editors/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
