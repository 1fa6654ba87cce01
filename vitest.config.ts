/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

// Browser tests take a second or two each; only slower ones are worth a line in the output.
const shared = { testTimeout: 30_000, hookTimeout: 60_000, slowTestThreshold: 5_000 };

// Component tests render .astro files, so they run in Astro's Vite config; everything else
// runs in plain Node (Astro's config would shadow its own programmatic API there).
const astroVite = await getViteConfig({ test: { name: 'components', include: ['tests/components/**/*.test.ts'], ...shared } })({
  command: 'serve',
  mode: 'test',
});

export default defineConfig({
  test: {
    slowTestThreshold: shared.slowTestThreshold,
    projects: [
      { test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/components/**', 'tests/browser/**'], ...shared } },
      // Built sites in Chromium: dist/ and one site per fixture plan (built once, before these files).
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/build-sites.ts'], ...shared, hookTimeout: 120_000 } },
      astroVite,
    ],
  },
});
