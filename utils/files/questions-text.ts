/**
 * The saved questions as plain text: what "Copy all" puts on the clipboard and "Export as text"
 * saves. Plain text on purpose: it pastes into an email or a patient-portal message as it is,
 * and prints from any computer. Pure, no I/O.
 */
import { dayStamp } from './download-text';
import { formatDate, t, type MessageId } from '../i18n';
import type { QuestionSource, SavedQuestion } from '../storage/saved-questions';

/** How each kind of explanation is introduced, so nobody mistakes the page's words or the reader's for Termlight's. */
const MEANING_LABELS: Record<QuestionSource, MessageId> = {
  glossary: 'questionsMeaningGlossary',
  personal: 'questionsMeaningPersonal',
  page: 'questionsMeaningPage',
};

/** "What it means:", with the colon as the reader's language writes it. */
export function meaningLabel(source: QuestionSource): string {
  return t(MEANING_LABELS[source]);
}

/**
 * "14 May 2026": the month in words, so it is never mistaken for 5/14 or 14/5; in the reader's
 * language, not the computer's, so a printout reads the same wherever it is made.
 */
export function longDate(date: Date): string {
  return formatDate(date, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Lines after the first are indented to sit under the label's text. */
function indent(text: string, pad: string): string {
  return text.split('\n').join(`\n${pad}`);
}

export function questionsToText(questions: readonly SavedQuestion[], date: Date = new Date()): string {
  const lines = [t('commonQuestionsHeading'), t('questionsMadeWith', longDate(date)), ''];
  if (questions.length === 0) {
    lines.push(t('questionsNoneSavedText'), '');
  }
  questions.forEach((q, i) => {
    const number = `${i + 1}. `;
    const pad = ' '.repeat(number.length);
    lines.push(number + q.term);
    if (q.definition) lines.push(`${pad}${meaningLabel(q.source)} ${q.definition}`);
    if (q.note) lines.push(`${pad}${t('questionsNoteLabel')} ${indent(q.note, pad)}`);
    lines.push('');
  });
  lines.push(t('questionsDisclaimer'));
  return lines.join('\n') + '\n';
}

/** `termlight-questions-2026-05-14.txt`: sorts by date and says what it is. */
export function questionsFileName(date: Date = new Date()): string {
  return `termlight-questions-${dayStamp(date)}.txt`;
}
