/**
 * PRIVACY.md as blocks of plain text for the privacy policy page, so the page and the repository's
 * policy are one text and cannot drift. Only the Markdown the policy uses is understood: `#` and `##`
 * headings, paragraphs (lines joined), and `- ` lists. Everything is rendered as text, never as HTML.
 */
export type PolicyBlock =
  | { kind: 'title' | 'heading' | 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

export function policyBlocks(markdown: string): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    const first = lines[0]!;
    if (first.startsWith('# ')) blocks.push({ kind: 'title', text: first.slice(2).trim() });
    else if (first.startsWith('## ')) blocks.push({ kind: 'heading', text: first.slice(3).trim() });
    else if (first.startsWith('- ')) {
      // A list item may wrap onto lines that do not start with "- ".
      const items: string[] = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2).trim());
        else items[items.length - 1] += ` ${line}`;
      }
      blocks.push({ kind: 'list', items });
      continue;
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
      continue;
    }
    // A heading line may have a paragraph right under it, without a blank line.
    if (lines.length > 1) blocks.push(...policyBlocks(lines.slice(1).join('\n')));
  }
  return blocks;
}
