/**
 * The explanation of one glossary term. Shared by the hover popover (inside a
 * shadow root on any web page) and the toolbar popup, so it brings its own
 * styles and assumes nothing about the page around it.
 *
 * Every string is rendered as a text node: glossary data is ours, but text is
 * never turned into markup.
 */
import type { ComponentChildren } from 'preact';
import { matchEntry } from '../glossary/match-data';
import type { GlossaryEntry, MatchEntry } from '../glossary/types';
import { categoryLabel } from '../utils/category-label';
import { formatDate, formatList, t } from '../utils/i18n';
import { rich } from './RichText';
import './term-card.css';

export interface TermCardProps {
  entry: GlossaryEntry;
  /** Called with a related entry's id. Without it, related terms are listed but not clickable. */
  onRelated?: (id: string) => void;
  /** Level of the term's heading, to fit the surrounding outline. Default 2. */
  headingLevel?: 2 | 3;
  /** Title of the article the passages are quoted from. */
  sourceTitle: string;
  /** Extra sections shown right after our definition (e.g. "On this page:" in the popover). */
  children?: ComponentChildren;
  /** Most article passages to show (the popover shows one to stay small; the popup all). */
  passageLimit?: number;
  /** A label above our definition, used when the page's own words are shown too. */
  definitionLabel?: string;
}

/** "2026-12" or "2026-12-05" as "December 2026" (in the reader's language); anything else as it is. */
export function monthYear(date: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return date;
  // UTC on both sides: the month must not slip back a day in time zones west of Greenwich.
  return formatDate(new Date(Date.UTC(Number(m[1]), month - 1, 1)), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The sources an entry was checked against, named briefly: "NCI Dictionary of Cancer Terms:
 * brachytherapy" and "FDA label: KEYTRUDA" become "NCI Dictionary of Cancer Terms" and "FDA label".
 */
export function sourceNames(names: readonly string[], limit = 3): string[] {
  const short = [...new Set(names.map((n) => n.split(/:\s| \(/)[0]!.trim()).filter((n) => n.length > 0))];
  // "NCI" says less than "NCI Dictionary of Cancer Terms" beside it: keep the fuller name only.
  const kept = short.filter((n) => !short.some((other) => other !== n && other.startsWith(`${n} `)));
  return kept.slice(0, limit);
}

/**
 * The expansion worth showing under the term: none when the term already says
 * it, e.g. "Tumor mutational burden (TMB)" with "tumor mutational burden".
 */
export function shownExpansion(entry: Pick<GlossaryEntry, 'term' | 'expansion'>): string | null {
  const expansion = entry.expansion?.trim();
  if (!expansion || entry.term.toLowerCase().includes(expansion.toLowerCase())) return null;
  return expansion;
}

export function TermCard({ entry, onRelated, headingLevel = 2, sourceTitle, children, passageLimit = Infinity, definitionLabel }: TermCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const Sub = headingLevel === 3 ? 'h4' : 'h3';
  const expansion = shownExpansion(entry);
  // Named from the match data: a related term's button needs only its id and name, so the
  // popover need not load the related entries themselves before showing this one.
  const related = entry.related
    .map((id) => matchEntry(id))
    .filter((e): e is MatchEntry => e !== undefined && e.id !== entry.id);
  const passages = entry.passages.filter((p) => p.trim().length > 0).slice(0, passageLimit);
  const checked = sourceNames(entry.checkedAgainst ?? []);

  return (
    <article class="tl-card" lang="en" aria-label={entry.term}>
      <header class="tl-card-header">
        <Heading class="tl-card-term">{entry.term}</Heading>
        {expansion && <p class="tl-card-expansion">{expansion}</p>}
        {entry.pronunciation && (
          <p class="tl-card-pronunciation">
            <span class="tl-visually-hidden">{t('cardSayItLikeThis')} </span>
            {entry.pronunciation}
          </p>
        )}
        <p class="tl-card-category">
          <span class="tl-visually-hidden">{t('cardCategory')} </span>
          <span class="tl-chip">{categoryLabel(entry.category)}</span>
        </p>
      </header>

      {definitionLabel && <Sub class="tl-card-subheading tl-definition-label">{definitionLabel}</Sub>}
      <p class="tl-card-definition">{entry.definition}</p>

      {children}

      {passages.length > 0 && (
        <section class="tl-card-section">
          <Sub class="tl-card-subheading">{t('cardFromArticle')}</Sub>
          <figure class="tl-quote">
            {passages.map((passage, i) => (
              <blockquote class="tl-quote-text" key={i}>
                <p>{passage}</p>
              </blockquote>
            ))}
            <figcaption class="tl-quote-source">
              {rich('cardSource', [<cite>{sourceTitle}</cite>])}
            </figcaption>
          </figure>
          {entry.articleNote && (
            <p class="tl-quote-note">
              <strong>{t('cardUpdate', monthYear(entry.articleNote.asOf))}</strong> {entry.articleNote.text}
            </p>
          )}
        </section>
      )}

      {related.length > 0 && (
        <section class="tl-card-section">
          <Sub class="tl-card-subheading">{t('cardRelated')}</Sub>
          <ul class="tl-related" role="list">
            {related.map((r) => (
              <li key={r.id}>
                {onRelated ? (
                  <button type="button" class="tl-related-button" onClick={() => onRelated(r.id)}>
                    {r.term}
                  </button>
                ) : (
                  <span class="tl-related-text">{r.term}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer class="tl-card-footer">
        {checked.length > 0 && (
          <p class="tl-card-checked">
            {t('cardCheckedAgainst', [formatList(checked), monthYear(entry.reviewed)])}
          </p>
        )}
        <p>{t('cardDisclaimer')}</p>
      </footer>
    </article>
  );
}
