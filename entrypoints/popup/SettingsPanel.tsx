/** The two switches: Termlight everywhere (first, so it is the first thing reached), then this site. */
import { Switch } from '../../components/Switch';
import { FILE_SITE_KEY, type Settings } from '../../utils/storage/settings-store';
import type { PageTermsState } from './use-page-terms';

export interface SettingsPanelProps {
  settings: Settings | null;
  page: PageTermsState;
  onEnabledChange: (on: boolean) => void;
  onSiteChange: (host: string, on: boolean) => void;
}

function siteName(host: string): string {
  return host === FILE_SITE_KEY ? 'files on this computer' : host;
}

export function SettingsPanel({ settings, page, onEnabledChange, onSiteChange }: SettingsPanelProps) {
  const enabled = settings?.enabled ?? true;
  const host = page.status === 'ready' ? page.host : null;
  const siteOn = host !== null && !(settings?.disabledSites ?? []).includes(host);

  let siteHelp: string | undefined;
  if (page.status === 'loading') siteHelp = undefined;
  else if (host === null) siteHelp = "Termlight can't work on this kind of page.";
  else if (!enabled) siteHelp = 'Turn on “Explain terms on pages” first.';

  return (
    <section class="tl-panel tl-settings" aria-label="Settings">
      <Switch
        label="Explain terms on pages"
        checked={enabled}
        disabled={settings === null}
        onChange={onEnabledChange}
      />
      <Switch
        label={host ? <>On this site <span class="tl-host">({siteName(host)})</span></> : 'On this site'}
        checked={host === null ? false : siteOn}
        disabled={settings === null || host === null || !enabled}
        onChange={(on) => host !== null && onSiteChange(host, on)}
        description={siteHelp}
      />
    </section>
  );
}
