/**
 * The welcome page, opened once after installing: what Termlight does, a live example (the real
 * highlights and card, see demo-session.ts), the keyboard shortcut, how to switch it off, the privacy
 * promise and the one thing to know about tabs that were already open. One heading per part, in
 * reading order, so a screen reader's heading list is a table of contents.
 */
import { browser } from 'wxt/browser';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../utils/i18n';
import { EXAMPLE_ATTRIBUTE } from './demo-session';

export function App({ onExplainFirst }: { onExplainFirst: () => void }) {
  const shortcut = useShortcut();
  return (
    <div class="tl-page">
      <header class="tl-page-header">
        <h1 class="tl-title">
          <span class="tl-title-text">{t('welcomeHeading')}</span>
        </h1>
        <p class="tl-lead">{t('welcomeIntro')}</p>
      </header>

      <main class="tl-page-main">
        <section class="tl-panel" aria-labelledby="tl-try-heading">
          <h2 id="tl-try-heading" class="tl-section-heading">
            {t('welcomeTryHeading')}
          </h2>
          <p>{t('welcomeTryPointer')}</p>
          <figure class="tl-example" aria-labelledby="tl-example-label">
            <figcaption id="tl-example-label" class="tl-example-label">
              {t('welcomeDemoLabel')}
            </figcaption>
            <p class="tl-example-text" {...{ [EXAMPLE_ATTRIBUTE]: '' }}>
              {t('welcomeDemoText')}
            </p>
          </figure>
          <p>{t('welcomeTryKeyboard')}</p>
          <div class="tl-actions">
            <button type="button" class="tl-button tl-button--primary" onClick={onExplainFirst}>
              {t('welcomeTryButton')}
            </button>
          </div>
        </section>

        <section class="tl-panel" aria-labelledby="tl-shortcut-heading">
          <h2 id="tl-shortcut-heading" class="tl-section-heading">
            {t('welcomeShortcutHeading')}
          </h2>
          {shortcut ? (
            <p>
              {t('welcomeShortcutIs')} <kbd class="tl-shortcut">{shortcut}</kbd>
            </p>
          ) : shortcut === '' ? (
            <p>{t('welcomeShortcutNone')}</p>
          ) : null}
          <p class="tl-note">{t('welcomeShortcutChange')}</p>
          <p>{t('welcomeRightClick')}</p>
        </section>

        <section class="tl-panel" aria-labelledby="tl-switch-heading">
          <h2 id="tl-switch-heading" class="tl-section-heading">
            {t('welcomeSwitchHeading')}
          </h2>
          <p>{t('welcomeSwitchText')}</p>
          <p>
            {t('welcomeSettingsText')}{' '}
            <a href={browser.runtime.getURL('/options.html')} target="_blank">
              {t('welcomeSettingsLink')}
            </a>
          </p>
        </section>

        <section class="tl-panel" aria-labelledby="tl-reload-heading">
          <h2 id="tl-reload-heading" class="tl-section-heading">
            {t('welcomeReloadHeading')}
          </h2>
          <p>{t('welcomeReloadText')}</p>
        </section>

        <section class="tl-panel" aria-labelledby="tl-privacy-heading">
          <h2 id="tl-privacy-heading" class="tl-section-heading">
            {t('welcomePrivacyHeading')}
          </h2>
          <p>{t('welcomePrivacyText')}</p>
        </section>
      </main>

      <footer class="tl-page-footer">
        <p>{t('welcomeDisclaimer')}</p>
      </footer>
    </div>
  );
}
