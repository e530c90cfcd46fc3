/**
 * The options page ("My terms and settings"): the reader's own terms (add, change,
 * remove), glossary files (import, export) and the settings the popup can't show whole.
 */
import { useRef, useState } from 'preact/hooks';
import { removePersonalTerm, type PersonalTerm } from '../../utils/storage/personal-glossary';
import { ComfortSettings } from './ComfortSettings';
import { DamagedNotice } from './DamagedNotice';
import { FileSection } from './FileSection';
import { QuestionsSection } from '../../components/QuestionsSection';
import { SiteSettings } from './SiteSettings';
import { TermForm } from './TermForm';
import { TermList } from './TermList';
import { usePersonalTerms } from '../../hooks/use-personal-terms';
import { t } from '../../utils/i18n';
import { takeAddTermPrefill } from './prefill-from-menu';

export function App() {
  const state = usePersonalTerms();
  const [editingId, setEditingId] = useState<string | null>(null);
  // A word sent by the right-click menu's "Add … to my terms": the form starts with it.
  const [prefill] = useState(takeAddTermPrefill);
  const [status, setStatus] = useState(() => (prefill ? t('menuAddPrefilled', prefill) : ''));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const terms = state?.ok ? state.terms : null;
  // A term removed elsewhere (another tab) is no longer being changed here.
  const editing = terms?.find((t) => t.id === editingId) ?? null;

  const focusTerm = (id: string) => {
    // After the list has re-rendered with the saved term.
    setTimeout(() => listRef.current?.querySelector<HTMLElement>(`[data-term-id="${id}"] button`)?.focus(), 0);
  };

  const remove = async (term: PersonalTerm) => {
    const result = await removePersonalTerm(term.id);
    setStatus(result.ok ? t('commonRemoved', term.term) : result.errors.map((e) => e.message).join(' '));
    if (editingId === term.id) setEditingId(null);
    headingRef.current?.focus();
  };

  return (
    <div class="tl-page">
      <header class="tl-page-header">
        <h1 class="tl-title">
          <span class="tl-title-text">{t('extName')}</span>
          <span class="tl-title-sub">{t('optionsTitle')}</span>
        </h1>
      </header>

      <main class="tl-page-main">
        <section class="tl-panel" aria-labelledby="tl-my-terms-heading">
          <h2 id="tl-my-terms-heading" class="tl-section-heading" ref={headingRef} tabIndex={-1}>
            {t('optionsMyTerms')}
          </h2>
          <p class="tl-note">{t('optionsMyTermsIntro')}</p>

          <div ref={listRef}>
            {state === null ? (
              <p class="tl-note">{t('optionsLoadingTerms')}</p>
            ) : state.ok ? (
              <TermList
                terms={state.terms}
                editingId={editingId}
                onEdit={(term) => {
                  setStatus('');
                  setEditingId(term.id);
                }}
                onRemove={(term) => void remove(term)}
              />
            ) : (
              <DamagedNotice error={state.error} />
            )}
          </div>

          <p class="tl-status" role="status">
            {status}
          </p>

          <TermForm
            editing={editing}
            prefill={prefill}
            enabled={state?.ok === true}
            onSubmit={() => setStatus('')}
            onSaved={(term, changed) => {
              setStatus(changed ? t('optionsSavedChanges', term.term) : t('optionsAdded', term.term));
              if (changed) {
                setEditingId(null);
                focusTerm(term.id);
              }
            }}
            onCancel={() => {
              const id = editingId;
              setEditingId(null);
              if (id) focusTerm(id);
            }}
          />
        </section>

        <FileSection terms={terms} />
        <ComfortSettings />
        <QuestionsSection intro={t('optionsQuestionsIntro')} />
        <SiteSettings />
      </main>

      <footer class="tl-page-footer">
        <p>{t('optionsPrivacy')}</p>
        <p>
          <a href="privacy-policy.html">{t('policyLinkText')}</a>
        </p>
      </footer>
    </div>
  );
}
