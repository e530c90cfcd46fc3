/** Saving a file the page made itself: a blob URL and a temporary link, no network. */

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
