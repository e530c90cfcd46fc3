/**
 * Before any end-to-end test: fail the whole run at once, with one line saying what to install, when
 * there is no Chromium (instead of every test failing on its own). `npm test` gets one first where it
 * can (tests/support/chromium/ensure.ts); `npx playwright test` on its own only checks.
 */
import { assertChromium } from '../support/paths';

export default function globalSetup(): void {
  assertChromium();
}
