import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The fake browser gets an i18n that reads the real English messages.
    setupFiles: ['tests/unit/support/i18n.ts'],
    // Vitest empties CSS imports by default; the ::highlight() template is read as text (?raw)
    // and its tests check what the browser is given.
    css: { include: [/utils\/page-styles\/highlights\.css/] },
  },
});
