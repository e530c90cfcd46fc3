/** File names for what the options page saves; the saving itself is shared (components/download-text.ts). */
export { downloadText } from '../../components/download-text';

/** `termlight-my-terms-2026-05-14.json`: sorts by date and says what it is. */
export function exportFileName(extension: 'json' | 'csv', date = new Date()): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `termlight-my-terms-${day}.${extension}`;
}
