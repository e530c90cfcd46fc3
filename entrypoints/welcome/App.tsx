/**
 * The welcome page, opened once after installing: what Termlight does, a live example (the real
 * highlights and card, see demo-session.ts), the keyboard shortcut, how to switch it off, the privacy
 * promise and the one thing to know about tabs that were already open. One heading per part, in
 * reading order, so a screen reader's heading list is a table of contents.
 */
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../utils/i18n';
import { EXAMPLE_ATTRIBUTE } from './demo-session';

/** One part of the page: a panel named by its heading (a region in the screen reader's landmarks). */
function Part({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="tl-panel" aria-labelledby={id}>
      <h2 id={id} class="tl-section-heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}

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
        <Part id="tl-try-heading" heading={t('welcomeTryHeading')}>
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
        </Part>

        <Part id="tl-shortcut-heading" heading={t('welcomeShortcutHeading')}>
          {shortcut ? (
            <p>
              {t('welcomeShortcutIs')} <kbd class="tl-shortcut">{shortcut}</kbd>
            </p>
          ) : shortcut === '' ? (
            <p>{t('welcomeShortcutNone')}</p>
          ) : null}
          <p class="tl-note">{t('welcomeShortcutChange')}</p>
          <p>{t('welcomeRightClick')}</p>
        </Part>

        <Part id="tl-switch-heading" heading={t('welcomeSwitchHeading')}>
          <p>{t('welcomeSwitchText')}</p>
          <p>
            {t('welcomeSettingsText')}{' '}
            <a href={browser.runtime.getURL('/options.html')} target="_blank">
              {t('welcomeSettingsLink')}
            </a>
          </p>
        </Part>

        <Part id="tl-reload-heading" heading={t('welcomeReloadHeading')}>
          <p>{t('welcomeReloadText')}</p>
        </Part>

        <Part id="tl-privacy-heading" heading={t('welcomePrivacyHeading')}>
          <p>{t('welcomePrivacyText')}</p>
        </Part>
      </main>

      <footer class="tl-page-footer">
        <p>{t('welcomeDisclaimer')}</p>
      </footer>
    </div>
  );
}
