/**
 * The saved personal terms, A to Z, each with Change and Remove. Removing asks once more
 * in place (no pop-up dialog), because a term someone typed in is easy to lose and hard
 * to type again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonalTerm } from '../../utils/storage/personal-glossary';
import { compareText, formatList, t } from '../../utils/i18n';

export interface TermListProps {
  terms: PersonalTerm[];
  /** Id of the term being changed in the form, if any. */
  editingId: string | null;
  onEdit: (term: PersonalTerm) => void;
  onRemove: (term: PersonalTerm) => void;
}

const byTerm = (a: PersonalTerm, b: PersonalTerm) => compareText(a.term, b.term, { sensitivity: 'base', numeric: true });

export function TermList({ terms, editingId, onEdit, onRemove }: TermListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (terms.length === 0) {
    return <p class="tl-note">{t('optionsNoTerms')}</p>;
  }

  return (
    <ul class="tl-terms" role="list">
      {[...terms].sort(byTerm).map((term) => (
        <li key={term.id} class={`tl-term${term.id === editingId ? ' tl-term--editing' : ''}`} data-term-id={term.id}>
          <p class="tl-term-name">{term.term}</p>
          {term.aliases.length > 0 && (
            <p class="tl-term-aliases">
              <span class="tl-term-label">{t('commonAlso')} </span>
              {formatList(term.aliases)}
            </p>
          )}
          <p class="tl-term-definition">{term.definition}</p>
          {term.note && (
            <p class="tl-term-note">
              <span class="tl-term-label">{t('optionsNoteLabel')} </span>
              {term.note}
            </p>
          )}
          {confirming === term.id ? (
            <div class="tl-actions" role="group" aria-label={t('commonRemoveNamedAsk', term.term)}>
              <p class="tl-confirm-text">{t('commonRemoveNamedAsk', term.term)}</p>
              <button
                type="button"
                class="tl-button tl-button--danger"
                ref={confirmRef}
                onClick={() => {
                  setConfirming(null);
                  onRemove(term);
                }}
              >
                {t('optionsYesRemove')}
              </button>
              <button type="button" class="tl-button" onClick={() => setConfirming(null)}>
                {t('commonKeepIt')}
              </button>
            </div>
          ) : (
            <div class="tl-actions">
              <button type="button" class="tl-button" onClick={() => onEdit(term)} aria-label={t('optionsChangeNamed', term.term)}>
                {t('optionsChange')}
              </button>
              <button type="button" class="tl-button" onClick={() => setConfirming(term.id)} aria-label={t('commonRemoveNamed', term.term)}>
                {t('commonRemove')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
