/**
 * The popover's bottom row: "Say it" and "Save question", and the small form for a note that
 * saving opens. Quiet on purpose: two small buttons under the explanation, never in its way.
 *
 * Questions are written to extension storage from here, not through a message to the
 * background: content scripts may use `storage.local` themselves, the background has no code
 * to hold a copy, and a message would only add a second place to validate the same value.
 * saved-questions.ts validates the whole list on every read and write either way, and one
 * person cannot save from two tabs at the same moment, so there is no race to guard against.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  QUESTION_LIMITS,
  findSavedQuestion,
  saveQuestion,
  type QuestionInput,
  type SavedQuestion,
} from '../../../utils/storage/saved-questions';
import { useSayIt } from './use-say-it';
import { t } from '../../../utils/i18n';
import './popover-actions.css';

export interface PopoverActionsProps {
  /** What would be saved: the term, its explanation as shown, and where that came from. */
  question: QuestionInput;
  /** Language of the term's text, for choosing a voice. */
  lang: string;
  /** True while the reader writes a note: the popover then stays open when the pointer wanders. */
  onHold?: (held: boolean) => void;
  /** Called when the row changes size (the form opens or closes), so the popover can place itself again. */
  onResize?: () => void;
}

type Message = { text: string; error: boolean } | null;

function SpeakerIcon() {
  return (
    <svg class="tl-action-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 6h2.5L8 3v10L4.5 10H2z" fill="currentColor" />
      <path d="M10.5 5.5a3.5 3.5 0 0 1 0 5M12.3 3.6a6 6 0 0 1 0 8.8" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
    </svg>
  );
}

function SaveIcon({ saved }: { saved: boolean }) {
  return (
    <svg class="tl-action-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {saved ? (
        <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
      ) : (
        <path d="M4 2.5h8v11l-4-3-4 3z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
      )}
    </svg>
  );
}

export function PopoverActions({ question, lang, onHold, onResize }: PopoverActionsProps) {
  const speech = useSayIt(question.term, lang);
  // undefined while storage answers; null when this term is not saved.
  const [saved, setSaved] = useState<SavedQuestion | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    findSavedQuestion(question.term).then(
      (q) => live && setSaved(q ?? null),
      () => live && setSaved(null),
    );
    return () => {
      live = false;
    };
  }, [question.term]);

  // The latest callback, also for the cleanup when this row goes away (another term, or closing).
  const hold = useRef(onHold);
  hold.current = onHold;
  // Before paint, so the popover is held from the moment the form is there.
  useLayoutEffect(() => {
    hold.current?.(editing);
  }, [editing]);
  useEffect(() => () => hold.current?.(false), []);

  // The popover places itself after this row first appears; only later changes need telling.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) onResize?.();
    mounted.current = true;
    if (editing) textarea.current?.focus();
  }, [editing, message?.text, speech.available]);

  const open = () => {
    setDraft(saved?.note ?? '');
    setMessage(null);
    setEditing(true);
  };

  const close = () => {
    setEditing(false);
    // The form is gone: put focus back where it came from, not on the page.
    setTimeout(() => saveButton.current?.focus(), 0);
  };

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      // Read from the field itself: the last keystroke may not have re-rendered yet.
      const result = await saveQuestion({ ...question, note: textarea.current?.value ?? draft });
      if (result.ok) {
        setSaved(result.question);
        setMessage({ text: t('cardSavedMessage'), error: false });
        close();
      } else {
        // The form stays open, so nothing typed is lost.
        setMessage({ text: result.error, error: true });
      }
    } catch {
      setMessage({ text: t('cardStaleMessage'), error: true });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      void submit(e);
    }
  };

  const isSaved = Boolean(saved);
  return (
    <div class="tl-actions-bar">
      {editing ? (
        <form class="tl-note-form" onSubmit={(e) => void submit(e)} aria-label={t('cardSaveNamed', question.term)}>
          <label class="tl-note-label" for={id}>
            {t('cardNoteLabel')} <span class="tl-note-optional">{t('commonOptional')}</span>
          </label>
          <textarea
            id={id}
            ref={textarea}
            class="tl-note-field"
            rows={3}
            maxLength={QUESTION_LIMITS.noteLength}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <div class="tl-action-row">
            <button type="submit" class="tl-action tl-action--primary" disabled={busy}>
              {t('cardSave')}
            </button>
            <button type="button" class="tl-action" onClick={close}>
              {t('commonCancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="tl-action-row">
          {speech.available && (
            <button type="button" class="tl-action" onClick={speech.say} aria-label={t('cardSayItNamed', question.term)}>
              <SpeakerIcon />
              {t('cardSayIt')}
            </button>
          )}
          <button
            type="button"
            ref={saveButton}
            class={`tl-action${isSaved ? ' tl-action--done' : ''}`}
            onClick={open}
            disabled={saved === undefined}
            aria-label={isSaved ? t('cardSavedName') : t('cardSaveQuestionName')}
          >
            <SaveIcon saved={isSaved} />
            {isSaved ? t('cardSavedShort') : t('cardSaveQuestion')}
          </button>
        </div>
      )}
      <p class={`tl-action-status${message?.error ? ' tl-action-status--error' : ''}`} role="status">
        {message?.text}
      </p>
    </div>
  );
}

/** The language to say a term in: Termlight's own terms are English; others are in the page's language. */
export function speechLang(source: QuestionInput['source'], doc: Document = document): string {
  return source === 'glossary' ? 'en' : doc.documentElement.lang || 'en';
}
