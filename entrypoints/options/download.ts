/** File names for what the options page saves; the saving itself is shared (utils/files/download-text.ts). */
import { dayStamp } from '../../utils/files/download-text';

export { downloadText } from '../../utils/files/download-text';

/** `termlight-my-terms-2026-05-14.json`: sorts by date and says what it is. */
export function exportFileName(extension: 'json' | 'csv', date = new Date()): string {
  return `termlight-my-terms-${dayStamp(date)}.${extension}`;
}
