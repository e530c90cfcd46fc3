/** The main switch and the sites Termlight is switched off on (which the popup can only show one at a time). */
import { useId } from 'preact/hooks';
import { Switch } from '../../components/Switch';
import { FILE_SITE_KEY } from '../../utils/storage/settings-store';
import { useSettings } from '../../hooks/use-settings';
import { t } from '../../utils/i18n';

const siteName = (host: string) => (host === FILE_SITE_KEY ? t('optionsFilesSite') : host);

export function SiteSettings() {
  const { settings, setEnabled, setSiteOn } = useSettings();
  const id = useId();
  const sites = settings?.disabledSites ?? [];
  return (
    <section class="tl-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="tl-section-heading">
        {t('commonSettings')}
      </h2>
      <Switch
        label={t('commonExplainOnPages')}
        checked={settings?.enabled ?? true}
        disabled={settings === null}
        onChange={setEnabled}
      />
      <h3 class="tl-subheading">{t('optionsSitesOff')}</h3>
      {sites.length === 0 ? (
        <p class="tl-note">{t('optionsNoSitesOff')}</p>
      ) : (
        <ul class="tl-sites" role="list">
          {sites.map((host) => (
            <li key={host} class="tl-site">
              <span class="tl-site-name">{siteName(host)}</span>
              <button type="button" class="tl-button" onClick={() => setSiteOn(host, true)} aria-label={t('optionsTurnOnAgainFor', siteName(host))}>
                {t('optionsTurnOnAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
