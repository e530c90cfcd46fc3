/**
 * Add or change one personal term. Problems are shown next to the field they are about,
 * and focus moves to the first field with a problem, so they are found with a screen
 * reader or a keyboard as easily as by eye.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  addPersonalTerm,
  updatePersonalTerm,
  type PersonalTerm,
} from '../../utils/storage/personal-glossary';
import { checkTermFields, LIMITS, splitAliases, type FieldError } from '../../utils/storage/personal-term-rules';
import { formatNumber, t } from '../../utils/i18n';

export interface TermFormProps {
  /** The term being changed, or null to add a new one. */
  editing: PersonalTerm | null;
  /** False while the saved list can't be read: nothing may be written then. */
  enabled: boolean;
  onSaved: (term: PersonalTerm, changed: boolean) => void;
  /** A save starts (an earlier "saved" message no longer applies). */
  onSubmit?: () => void;
  onCancel: () => void;
  /** Text for the term field of a new term (from the right-click menu): checked at once, focus goes on. */
  prefill?: string | null;
}

type Field = 'term' | 'aliases' | 'definition' | 'note';
type Values = Record<Field, string>;
const FIELDS: Field[] = ['term', 'aliases', 'definition', 'note'];
const EMPTY: Values = { term: '', aliases: '', definition: '', note: '' };

function valuesOf(t: PersonalTerm | null): Values {
  return t ? { term: t.term, aliases: t.aliases.join('; '), definition: t.definition, note: t.note ?? '' } : EMPTY;
}

/** Problems with a prefilled term (too long, control characters) shown before the first save, so the reader knows what to change. */
function termErrors(term: string | null | undefined): FieldError[] {
  return term ? checkTermFields({ term }).errors.filter((e) => e.field === 'term') : [];
}

export function TermForm({ editing, enabled, onSaved, onSubmit, onCancel, prefill }: TermFormProps) {
  const [values, setValuesState] = useState<Values>(() => (editing || !prefill ? valuesOf(editing) : { ...EMPTY, term: prefill }));
  // The latest values, also between a keystroke and the next render (a fast Enter must not save old text).
  const latest = useRef(values);
  const setValues = (v: Values) => {
    latest.current = v;
    setValuesState(v);
  };
  const [errors, setErrors] = useState<FieldError[]>(() => (editing ? [] : termErrors(prefill)));
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const baseId = useId();
  const headingId = `${baseId}-heading`;

  const firstRender = useRef(true);
  // A different term to change (or back to adding): start from its values. (Not on the first render:
  // the values are right already, and a prefilled term must stay.)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!editing) return;
    }
    setValues(valuesOf(editing));
    setErrors([]);
    if (editing) formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [editing?.id]);

  // A prefilled term: once the form can be used, the reader goes on with its explanation (or fixes the term first).
  const prefillFocused = useRef(false);
  useEffect(() => {
    if (prefillFocused.current || editing || !prefill || !enabled) return;
    prefillFocused.current = true;
    const next = termErrors(prefill).length > 0 ? 'term' : 'definition';
    formRef.current?.querySelector<HTMLElement>(`[name="${next}"]`)?.focus();
  }, [enabled]);

  const set = (field: Field) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setValues({ ...latest.current, [field]: value });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving || !enabled) return;
    setSaving(true);
    onSubmit?.();
    const values = latest.current;
    const input = {
      term: values.term,
      aliases: splitAliases(values.aliases),
      definition: values.definition,
      ...(values.note.trim() ? { note: values.note } : {}),
    };
    const result = editing ? await updatePersonalTerm(editing.id, input) : await addPersonalTerm(input);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.errors);
      const first = FIELDS.find((f) => result.errors.some((err) => err.field === f));
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : formRef.current?.querySelector<HTMLElement>('.tl-form-error');
      target?.focus();
      return;
    }
    setErrors([]);
    if (!editing) setValues(EMPTY);
    onSaved(result.value, editing !== null);
  };

  const fieldErrors = (field: Field) => errors.filter((e) => e.field === field).map((e) => e.message);
  const otherErrors = errors.filter((e) => !(FIELDS as string[]).includes(e.field)).map((e) => e.message);

  // No maxLength: a pasted text cut short without a word is worse than a message saying it is too long.
  const field = (name: Field, label: string, hint: string, multiline: boolean, required: boolean) => {
    const id = `${baseId}-${name}`;
    const own = fieldErrors(name);
    const describedBy = [`${id}-hint`, own.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id,
      name,
      value: values[name],
      onInput: set(name),
      required,
      disabled: !enabled,
      'aria-invalid': own.length > 0 ? ('true' as const) : undefined,
      'aria-describedby': describedBy,
    };
    return (
      <div class={`tl-field${own.length > 0 ? ' tl-field--invalid' : ''}`}>
        <label class="tl-label" for={id}>
          {label}
          {!required && <span class="tl-optional"> {t('commonOptional')}</span>}
        </label>
        <p class="tl-hint" id={`${id}-hint`}>
          {hint}
        </p>
        {multiline ? <textarea class="tl-input" rows={name === 'definition' ? 4 : 3} {...common} /> : <input class="tl-input" type="text" autocomplete="off" {...common} />}
        {own.length > 0 && (
          <div class="tl-field-error" id={`${id}-error`}>
            {own.map((m, i) => (
              <p key={i}>
                <span class="tl-visually-hidden">{t('optionsProblem')} </span>
                {m}
              </p>
            ))}
          </div>
        )}
      </div>
    );
  };

  return (
    <form class="tl-term-form" ref={formRef} onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} class="tl-subheading">
        {editing ? t('optionsChangeNamed', editing.term) : t('optionsAddTerm')}
      </h3>
      {otherErrors.length > 0 && (
        <div class="tl-form-error tl-message tl-message--error" role="alert" tabIndex={-1}>
          {otherErrors.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      {field('term', t('optionsFieldTerm'), t('optionsFieldTermHint'), false, true)}
      {field('aliases', t('optionsFieldAliases'), t('optionsFieldAliasesHint'), false, false)}
      {field('definition', t('optionsFieldDefinition'), t('optionsFieldDefinitionHint', formatNumber(LIMITS.definitionLength)), true, true)}
      {field('note', t('optionsFieldNote'), t('optionsFieldNoteHint'), true, false)}
      <div class="tl-actions">
        <button type="submit" class="tl-button tl-button--primary" disabled={!enabled || saving}>
          {editing ? t('optionsSaveChanges') : t('optionsAddTermButton')}
        </button>
        {editing && (
          <button type="button" class="tl-button" onClick={onCancel}>
            {t('commonCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
