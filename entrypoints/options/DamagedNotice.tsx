/**
 * Shown when the saved terms can't be read. Nothing is written over them on its own:
 * the person can keep a copy of what is there, and only a deliberate second click
 * deletes it to start again.
 */
import { useState } from 'preact/hooks';
import { clearPersonalTerms, personalTermsItem } from '../../utils/storage/personal-glossary';
import { downloadText } from './download';

export function DamagedNotice({ error }: { error: string }) {
  const [confirming, setConfirming] = useState(false);

  const saveCopy = async () => {
    const raw = await personalTermsItem.getValue();
    downloadText(JSON.stringify(raw, null, 2) + '\n', 'termlight-damaged-terms.json', 'application/json');
  };

  return (
    <div class="tl-message tl-message--error" role="alert">
      <p class="tl-message-title">{error}</p>
      <p>
        You can save a copy of what is stored (to fix it, or to show someone who can help), then start again with an empty
        list. Until then, terms can't be added, changed or imported.
      </p>
      <div class="tl-actions">
        <button type="button" class="tl-button" onClick={() => void saveCopy()}>
          Save a copy of the stored data
        </button>
        {confirming ? (
          <>
            <button type="button" class="tl-button tl-button--danger" onClick={() => void clearPersonalTerms()}>
              Yes, delete it and start again
            </button>
            <button type="button" class="tl-button" onClick={() => setConfirming(false)}>
              Keep it for now
            </button>
          </>
        ) : (
          <button type="button" class="tl-button" onClick={() => setConfirming(true)}>
            Start again with an empty list…
          </button>
        )}
      </div>
    </div>
  );
}
