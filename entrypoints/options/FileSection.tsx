/**
 * Import and export. Import checks the whole file first and changes nothing when anything
 * is wrong: every problem is listed with its line and field, so the file can be fixed in
 * one go. Export saves a file made here (a blob URL): nothing goes over the network.
 */
import { useId, useRef, useState } from 'preact/hooks';
import {
  formatOfFile,
  describeFileError,
  serializeGlossaryFile,
  type GlossaryFileError,
  type GlossaryFileFormat,
} from '../../utils/files/glossary-file';
import { importGlossaryFile, type ImportMode, type PersonalTerm } from '../../utils/storage/personal-glossary';
import { LIMITS } from '../../utils/storage/personal-term-rules';
import { downloadText, exportFileName } from './download';

export interface FileSectionProps {
  /** Saved terms, or null while they can't be read (import and export are off then). */
  terms: PersonalTerm[] | null;
}

/** More problems than this are summed up: nobody reads a list of 500. */
const SHOWN_ERRORS = 50;

type Outcome =
  | { ok: true; message: string }
  | { ok: false; fileName: string; errors: GlossaryFileError[]; stoppedAtLine?: number };

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const MIME: Record<GlossaryFileFormat, string> = { json: 'application/json', csv: 'text/csv;charset=utf-8' };

export function FileSection({ terms }: FileSectionProps) {
  const [mode, setModeState] = useState<ImportMode>('merge');
  // Read when the file is chosen, which may come before the re-render that follows a click on the choice.
  const modeRef = useRef(mode);
  const setMode = (m: ImportMode) => {
    modeRef.current = m;
    setModeState(m);
  };
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const enabled = terms !== null;

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      setOutcome(await readAndImport(file, modeRef.current));
    } finally {
      setBusy(false);
      // Let the same file be chosen again after it is fixed.
      input.value = '';
    }
  };

  const download = (format: GlossaryFileFormat) => {
    if (!terms) return;
    downloadText(serializeGlossaryFile(terms, format), exportFileName(format), MIME[format]);
  };

  return (
    <section class="tl-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="tl-section-heading">
        Share or move your terms
      </h2>
      <p class="tl-note">
        A glossary file lets you keep a copy, use your terms on another computer, or add terms your care team wrote down.
        Termlight reads JSON files and CSV files (from a spreadsheet, with the columns term, aliases, definition and note).
      </p>

      <h3 class="tl-subheading">Add terms from a file</h3>
      <fieldset class="tl-choice" disabled={!enabled || busy}>
        <legend class="tl-label">When the file is read</legend>
        <label class="tl-radio">
          <input type="radio" name={`${id}-mode`} value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          Add its terms to mine
        </label>
        <label class="tl-radio">
          <input type="radio" name={`${id}-mode`} value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          Replace all my terms with the file's terms
        </label>
      </fieldset>
      <div class="tl-field">
        <label class="tl-label" for={`${id}-file`}>
          Choose a file (.json or .csv)
        </label>
        <input
          id={`${id}-file`}
          class="tl-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={!enabled || busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </div>

      <div class="tl-outcome" aria-live="polite">
        {outcome?.ok === true && (
          <p class="tl-message tl-message--ok" role="status">
            {outcome.message}
          </p>
        )}
        {outcome?.ok === false && (
          <div class="tl-message tl-message--error" role="alert">
            <p class="tl-message-title">
              Nothing was changed. {outcome.fileName ? `“${outcome.fileName}”` : 'The file'} has{' '}
              {count(outcome.errors.length, 'problem')}. Fix {outcome.errors.length === 1 ? 'it' : 'them'} and try again:
            </p>
            <ul class="tl-error-list">
              {outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i}>{describeFileError(e)}</li>
              ))}
            </ul>
            {outcome.errors.length > SHOWN_ERRORS && <p>…and {count(outcome.errors.length - SHOWN_ERRORS, 'more problem')}.</p>}
            {outcome.stoppedAtLine !== undefined && (
              <p>
                Termlight could not read the file after line {outcome.stoppedAtLine}. There may be more problems after it:
                they will show once this one is fixed.
              </p>
            )}
          </div>
        )}
      </div>

      <h3 class="tl-subheading">Save my terms as a file</h3>
      {terms !== null && terms.length === 0 && <p class="tl-note">Add a term first: there is nothing to save yet.</p>}
      <div class="tl-actions">
        <button type="button" class="tl-button" disabled={!terms || terms.length === 0} onClick={() => download('json')}>
          Download as JSON
        </button>
        <button type="button" class="tl-button" disabled={!terms || terms.length === 0} onClick={() => download('csv')}>
          Download as CSV (for spreadsheets)
        </button>
      </div>
    </section>
  );
}

async function readAndImport(file: File, mode: ImportMode): Promise<Outcome> {
  const fail = (message: string): Outcome => ({ ok: false, fileName: file.name, errors: [{ line: 0, field: '(file)', message }] });
  if (file.size > LIMITS.fileBytes) {
    return fail(`The file is too big (${Math.round(file.size / 1000)} kB). The most is ${LIMITS.fileBytes / 1_000_000} MB.`);
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('The file could not be read.');
  }
  const format = formatOfFile(file.name, text);
  if (!format) return fail('Termlight reads .json and .csv files only.');
  const result = await importGlossaryFile(text, { format, mode });
  if (!result.ok) return { ...result, fileName: file.name };
  const added = count(result.added, 'term');
  return {
    ok: true,
    message:
      mode === 'merge'
        ? `Added ${added} from “${file.name}”.`
        : `Your terms are now the ${added} from “${file.name}”` +
          (result.removed > 0 ? ` (${count(result.removed, 'earlier term')} removed).` : '.'),
  };
}
