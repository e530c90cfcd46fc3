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
import { formatNumber, t, tn } from '../../utils/i18n';

export interface FileSectionProps {
  /** Saved terms, or null while they can't be read (import and export are off then). */
  terms: PersonalTerm[] | null;
}

/** More problems than this are summed up: nobody reads a list of 500. */
const SHOWN_ERRORS = 50;

type Outcome =
  | { ok: true; message: string }
  | { ok: false; fileName: string; errors: GlossaryFileError[]; stoppedAtLine?: number };

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
        {t('optionsFilesHeading')}
      </h2>
      <p class="tl-note">{t('optionsFilesIntro')}</p>

      <h3 class="tl-subheading">{t('optionsImportHeading')}</h3>
      <fieldset class="tl-choice" disabled={!enabled || busy}>
        <legend class="tl-label">{t('optionsImportWhen')}</legend>
        <label class="tl-radio">
          <input type="radio" name={`${id}-mode`} value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {t('optionsImportMerge')}
        </label>
        <label class="tl-radio">
          <input type="radio" name={`${id}-mode`} value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          {t('optionsImportReplace')}
        </label>
      </fieldset>
      <div class="tl-field">
        <label class="tl-label" for={`${id}-file`}>
          {t('optionsChooseFile')}
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
              {outcome.fileName
                ? tn('optionsImportFailedNamed', outcome.errors.length, [outcome.fileName])
                : tn('optionsImportFailed', outcome.errors.length)}
            </p>
            <ul class="tl-error-list">
              {outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i}>{describeFileError(e)}</li>
              ))}
            </ul>
            {outcome.errors.length > SHOWN_ERRORS && <p>{tn('optionsMoreProblems', outcome.errors.length - SHOWN_ERRORS)}</p>}
            {outcome.stoppedAtLine !== undefined && <p>{t('optionsStoppedAt', formatNumber(outcome.stoppedAtLine))}</p>}
          </div>
        )}
      </div>

      <h3 class="tl-subheading">{t('optionsExportHeading')}</h3>
      {terms !== null && terms.length === 0 && <p class="tl-note">{t('optionsNothingToSave')}</p>}
      <div class="tl-actions">
        <button type="button" class="tl-button" disabled={!terms || terms.length === 0} onClick={() => download('json')}>
          {t('optionsDownloadJson')}
        </button>
        <button type="button" class="tl-button" disabled={!terms || terms.length === 0} onClick={() => download('csv')}>
          {t('optionsDownloadCsv')}
        </button>
      </div>
    </section>
  );
}

async function readAndImport(file: File, mode: ImportMode): Promise<Outcome> {
  const fail = (message: string): Outcome => ({ ok: false, fileName: file.name, errors: [{ line: 0, field: '(file)', message }] });
  if (file.size > LIMITS.fileBytes) {
    return fail(t('optionsFileTooBig', [formatNumber(Math.round(file.size / 1000)), formatNumber(LIMITS.fileBytes / 1_000_000)]));
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail(t('optionsFileUnreadable'));
  }
  const format = formatOfFile(file.name, text);
  if (!format) return fail(t('optionsFileType'));
  const result = await importGlossaryFile(text, { format, mode });
  if (!result.ok) return { ...result, fileName: file.name };
  let message: string;
  if (mode === 'merge') message = tn('optionsImportAdded', result.added, [file.name]);
  else if (result.removed === 0) message = tn('optionsImportReplaced', result.added, [file.name]);
  else message = tn('optionsImportReplacedRemoved', result.added, [file.name, tn('optionsEarlierRemoved', result.removed)]);
  return { ok: true, message };
}
