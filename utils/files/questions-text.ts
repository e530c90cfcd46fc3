/**
 * The saved questions as plain text: what "Copy all" puts on the clipboard and "Export as text"
 * saves. Plain text on purpose: it pastes into an email or a patient-portal message as it is,
 * and prints from any computer. Pure, no I/O.
 */
import { dayStamp } from './download-text';
import type { QuestionSource, SavedQuestion } from '../storage/saved-questions';

export const QUESTIONS_HEADING = 'Questions for my care team';
export const QUESTIONS_DISCLAIMER = 'The explanations are general information from Termlight, not medical advice.';

/** How each kind of explanation is introduced, so nobody mistakes the page's words or the reader's for Termlight's. */
export const MEANING_LABEL: Record<QuestionSource, string> = {
  glossary: 'What it means',
  personal: 'What it means (my own words)',
  page: 'What the page said',
};
export const NOTE_LABEL = 'My note';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 May 2026": the same on every computer, and never mistaken for 5/14 or 14/5. */
export function longDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** Lines after the first are indented to sit under the label's text. */
function indent(text: string, pad: string): string {
  return text.split('\n').join(`\n${pad}`);
}

export function questionsToText(questions: readonly SavedQuestion[], date: Date = new Date()): string {
  const lines = [QUESTIONS_HEADING, `Made with Termlight on ${longDate(date)}`, ''];
  if (questions.length === 0) {
    lines.push('No questions saved yet.', '');
  }
  questions.forEach((q, i) => {
    const number = `${i + 1}. `;
    const pad = ' '.repeat(number.length);
    lines.push(number + q.term);
    if (q.definition) lines.push(`${pad}${MEANING_LABEL[q.source]}: ${q.definition}`);
    if (q.note) lines.push(`${pad}${NOTE_LABEL}: ${indent(q.note, pad)}`);
    lines.push('');
  });
  lines.push(QUESTIONS_DISCLAIMER);
  return lines.join('\n') + '\n';
}

/** `termlight-questions-2026-05-14.txt`: sorts by date and says what it is. */
export function questionsFileName(date: Date = new Date()): string {
  return `termlight-questions-${dayStamp(date)}.txt`;
}
