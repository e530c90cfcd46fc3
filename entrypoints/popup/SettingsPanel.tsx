/** The two switches: Termlight everywhere (first, so it is the first thing reached), then this site. */
import { Switch } from '../../components/Switch';
import { FILE_SITE_KEY, type Settings } from '../../utils/storage/settings-store';
import type { PageTermsState } from './use-page-terms';
import { rich } from '../../components/RichText';
import { t } from '../../utils/i18n';

export interface SettingsPanelProps {
  settings: Settings | null;
  page: PageTermsState;
  onEnabledChange: (on: boolean) => void;
  onSiteChange: (host: string, on: boolean) => void;
}

function siteName(host: string): string {
  return host === FILE_SITE_KEY ? t('popupFilesSite') : host;
}

export function SettingsPanel({ settings, page, onEnabledChange, onSiteChange }: SettingsPanelProps) {
  const enabled = settings?.enabled ?? true;
  const host = page.status === 'ready' ? page.host : null;
  const siteOn = host !== null && !(settings?.disabledSites ?? []).includes(host);

  let siteHelp: string | undefined;
  if (page.status === 'loading') siteHelp = undefined;
  else if (host === null) siteHelp = t('popupSiteUnsupported');
  else if (!enabled) siteHelp = t('popupTurnOnFirst');

  return (
    <section class="tl-panel tl-settings" aria-label={t('commonSettings')}>
      <Switch
        label={t('commonExplainOnPages')}
        checked={enabled}
        disabled={settings === null}
        onChange={onEnabledChange}
      />
      <Switch
        label={
          host ? rich('popupOnThisSiteNamed', [<span class="tl-host">{t('popupSiteInBrackets', siteName(host))}</span>]) : t('popupOnThisSite')
        }
        checked={host === null ? false : siteOn}
        disabled={settings === null || host === null || !enabled}
        onChange={(on) => host !== null && onSiteChange(host, on)}
        description={siteHelp}
      />
    </section>
  );
}
