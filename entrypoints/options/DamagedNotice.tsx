/**
 * Shown when the saved terms can't be read. Nothing is written over them on its own:
 * the person can keep a copy of what is there, and only a deliberate second click
 * deletes it to start again.
 */
import { useState } from 'preact/hooks';
import { clearPersonalTerms, personalTermsItem } from '../../utils/storage/personal-glossary';
import { downloadText } from './download';
import { t } from '../../utils/i18n';

export function DamagedNotice({ error }: { error: string }) {
  const [confirming, setConfirming] = useState(false);

  const saveCopy = async () => {
    const raw = await personalTermsItem.getValue();
    downloadText(JSON.stringify(raw, null, 2) + '\n', 'termlight-damaged-terms.json', 'application/json');
  };

  return (
    <div class="tl-message tl-message--error" role="alert">
      <p class="tl-message-title">{error}</p>
      <p>{t('optionsDamagedHelp')}</p>
      <div class="tl-actions">
        <button type="button" class="tl-button" onClick={() => void saveCopy()}>
          {t('optionsSaveStoredCopy')}
        </button>
        {confirming ? (
          <>
            <button type="button" class="tl-button tl-button--danger" onClick={() => void clearPersonalTerms()}>
              {t('optionsYesDelete')}
            </button>
            <button type="button" class="tl-button" onClick={() => setConfirming(false)}>
              {t('commonKeepForNow')}
            </button>
          </>
        ) : (
          <button type="button" class="tl-button" onClick={() => setConfirming(true)}>
            {t('commonStartAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
