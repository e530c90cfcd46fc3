/**
 * The saved personal terms, A to Z, each with Change and Remove. Removing asks once more
 * in place (no pop-up dialog), because a term someone typed in is easy to lose and hard
 * to type again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonalTerm } from '../../utils/storage/personal-glossary';

export interface TermListProps {
  terms: PersonalTerm[];
  /** Id of the term being changed in the form, if any. */
  editingId: string | null;
  onEdit: (term: PersonalTerm) => void;
  onRemove: (term: PersonalTerm) => void;
}

const byTerm = (a: PersonalTerm, b: PersonalTerm) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', numeric: true });

export function TermList({ terms, editingId, onEdit, onRemove }: TermListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (terms.length === 0) {
    return <p class="tl-note">You have not added any terms yet.</p>;
  }

  return (
    <ul class="tl-terms" role="list">
      {[...terms].sort(byTerm).map((t) => (
        <li key={t.id} class={`tl-term${t.id === editingId ? ' tl-term--editing' : ''}`} data-term-id={t.id}>
          <p class="tl-term-name">{t.term}</p>
          {t.aliases.length > 0 && (
            <p class="tl-term-aliases">
              <span class="tl-term-label">Also: </span>
              {t.aliases.join(', ')}
            </p>
          )}
          <p class="tl-term-definition">{t.definition}</p>
          {t.note && (
            <p class="tl-term-note">
              <span class="tl-term-label">Note: </span>
              {t.note}
            </p>
          )}
          {confirming === t.id ? (
            <div class="tl-actions" role="group" aria-label={`Remove “${t.term}”?`}>
              <p class="tl-confirm-text">Remove “{t.term}”?</p>
              <button
                type="button"
                class="tl-button tl-button--danger"
                ref={confirmRef}
                onClick={() => {
                  setConfirming(null);
                  onRemove(t);
                }}
              >
                Yes, remove it
              </button>
              <button type="button" class="tl-button" onClick={() => setConfirming(null)}>
                Keep it
              </button>
            </div>
          ) : (
            <div class="tl-actions">
              <button type="button" class="tl-button" onClick={() => onEdit(t)} aria-label={`Change “${t.term}”`}>
                Change
              </button>
              <button type="button" class="tl-button" onClick={() => setConfirming(t.id)} aria-label={`Remove “${t.term}”`}>
                Remove
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
