import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Chart builders and helpers are tested in Node, without a DOM; the few component tests
// ask for jsdom themselves (`// @vitest-environment jsdom` at the top of the file).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      environment: 'node',
      // Vitest empties CSS modules; the palette's contrast test (src/styles.test.ts) reads the
      // stylesheet's text through `?raw`.
      css: { include: [/\/src\/styles\.css\?raw$/] },
      // CI runs the projects' suites side by side on two cores; tests assert outcomes, not time.
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  }),
);
