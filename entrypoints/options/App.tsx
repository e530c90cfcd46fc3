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

  const remove = async (t: PersonalTerm) => {
    const result = await removePersonalTerm(t.id);
    setStatus(result.ok ? `Removed “${t.term}”.` : result.errors.map((e) => e.message).join(' '));
    if (editingId === t.id) setEditingId(null);
    headingRef.current?.focus();
  };

  return (
    <div class="tl-page">
      <header class="tl-page-header">
        <h1 class="tl-title">
          <span class="tl-title-text">Termlight</span>
          <span class="tl-title-sub">My terms and settings</span>
        </h1>
      </header>

      <main class="tl-page-main">
        <section class="tl-panel" aria-labelledby="tl-my-terms-heading">
          <h2 id="tl-my-terms-heading" class="tl-section-heading" ref={headingRef} tabIndex={-1}>
            My terms
          </h2>
          <p class="tl-note">
            Add words you meet often, such as the names of your medicines or tests. Termlight underlines them on pages and
            explains them in your words, labelled “Personal”.
          </p>

          <div ref={listRef}>
            {state === null ? (
              <p class="tl-note">Loading your terms…</p>
            ) : state.ok ? (
              <TermList
                terms={state.terms}
                editingId={editingId}
                onEdit={(t) => {
                  setStatus('');
                  setEditingId(t.id);
                }}
                onRemove={(t) => void remove(t)}
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
            onSaved={(t, changed) => {
              setStatus(changed ? `Saved your changes to “${t.term}”.` : `Added “${t.term}”. Termlight will explain it on pages.`);
              if (changed) {
                setEditingId(null);
                focusTerm(t.id);
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
        <QuestionsSection
          intro="Terms you saved from Termlight’s explanations, with your notes, to ask about at your next appointment. Only the words are kept, never which page you were reading."
        />
        <SiteSettings />
      </main>

      <footer class="tl-page-footer">
        <p>
          Your terms and settings are kept only in this browser, on this computer. Termlight never sends them anywhere. To use
          them on another computer, save them as a file and add them from the file there.
        </p>
      </footer>
    </div>
  );
}
