/** The main switch and the sites Termlight is switched off on (which the popup can only show one at a time). */
import { useId } from 'preact/hooks';
import { Switch } from '../../components/Switch';
import { FILE_SITE_KEY } from '../../utils/storage/settings-store';
import { useSettings } from '../../hooks/use-settings';

const siteName = (host: string) => (host === FILE_SITE_KEY ? 'Files on this computer' : host);

export function SiteSettings() {
  const { settings, setEnabled, setSiteOn } = useSettings();
  const id = useId();
  const sites = settings?.disabledSites ?? [];
  return (
    <section class="tl-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="tl-section-heading">
        Settings
      </h2>
      <Switch
        label="Explain terms on pages"
        checked={settings?.enabled ?? true}
        disabled={settings === null}
        onChange={setEnabled}
      />
      <h3 class="tl-subheading">Sites where Termlight is off</h3>
      {sites.length === 0 ? (
        <p class="tl-note">None. To switch Termlight off on a site, use the Termlight button in the toolbar while you are on it.</p>
      ) : (
        <ul class="tl-sites" role="list">
          {sites.map((host) => (
            <li key={host} class="tl-site">
              <span class="tl-site-name">{siteName(host)}</span>
              <button type="button" class="tl-button" onClick={() => setSiteOn(host, true)} aria-label={`Turn on again for ${siteName(host)}`}>
                Turn on again
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
