/**
 * The visible text of an HTML file as the content script sees it: the same walker and
 * skip rules (utils/readable-text.ts), run in happy-dom. Text nodes are
 * joined with "\n" and reported as segments, because the extension matches each text
 * node on its own (a term never spans two nodes), with the text around it on its line,
 * which some of the matcher's rules read (utils/readable-text.ts, inlineContext).
 */
import { Window } from 'happy-dom';
import { collectTextNodes, inlineContext } from '../../utils/readable-text';

export interface TextSegment {
  /** Where this node's text starts in the joined text. */
  start: number;
  text: string;
  /** The text on the same line before and after the node (inline elements), when there is any. */
  before?: string;
  after?: string;
}

export interface PageText {
  text: string;
  /** The page's declared language (<html lang>), '' when none. */
  lang: string;
  segments: TextSegment[];
}

export function htmlVisibleText(html: string): PageText {
  const window = new Window({
    // No network, no scripts, no CSS loading: we only read the markup.
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true, disableMainFrameNavigation: true },
    },
  });
  try {
    const document = window.document;
    // <link> elements carry no text, and happy-dom would try to resolve (and fetch) preloads.
    document.write(html.replace(/<link\b[^>]*>/gi, ''));
    const root = document.body ?? document.documentElement;
    const segments: TextSegment[] = [];
    let offset = 0;
    for (const node of collectTextNodes(root as unknown as Node)) {
      const { before, after } = inlineContext(node);
      segments.push(before || after ? { start: offset, text: node.data, before, after } : { start: offset, text: node.data });
      offset += node.data.length + 1;
    }
    return { text: segments.map((s) => s.text).join('\n'), segments, lang: document.documentElement.getAttribute('lang') ?? '' };
  } finally {
    void window.happyDOM.close();
  }
}
