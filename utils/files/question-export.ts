/**
 * Getting the saved questions out to the care team: copy, print, save as a text file. All of it
 * happens in the browser (clipboard, an extension page, a blob download); nothing is sent anywhere.
 */
import { browser } from 'wxt/browser';
import { downloadText } from './download-text';
import { questionsFileName, questionsToText } from './questions-text';
import { t, tn } from '../i18n';
import type { SavedQuestion } from '../storage/saved-questions';

/** Copies the questions as plain text. Returns what to tell the reader (the clipboard can refuse). */
export async function copyQuestions(questions: readonly SavedQuestion[]): Promise<{ ok: boolean; message: string }> {
  try {
    await navigator.clipboard.writeText(questionsToText(questions));
    return { ok: true, message: tn('questionsCopied', questions.length) };
  } catch {
    return { ok: false, message: t('questionsCopyFailed') };
  }
}

export function exportQuestions(questions: readonly SavedQuestion[]): string {
  const fileName = questionsFileName();
  downloadText(questionsToText(questions), fileName, 'text/plain;charset=utf-8');
  return tn('questionsExported', questions.length, [fileName]);
}

/**
 * Opens the questions in a tab made to print (entrypoints/questions), which opens the print dialog
 * itself: a popup is too small to print from, and closes when the dialog opens.
 */
export async function openPrintPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/questions.html?print=1') });
}
