/**
 * The two comfort settings people change most, in the popup: how words are marked and the
 * text size of explanations (the popup's own text follows the browser's zoom). The rest are on the options page ("My terms and settings").
 */
import { useId } from 'preact/hooks';
import { HIGHLIGHT_STYLES, TEXT_SIZES, type HighlightStyle, type TextSize } from '../../utils/storage/settings-store';
import { useComfort } from '../../hooks/use-comfort';
import { formatNumber, t, type MessageId } from '../../utils/i18n';

const STYLE_LABELS: Record<HighlightStyle, MessageId> = {
  underline: 'popupStyleUnderline',
  soft: 'popupStyleSoft',
  off: 'popupStyleOff',
};

const SIZE_LABELS: Record<TextSize, MessageId> = {
  100: 'commonSizeNormal',
  125: 'commonSizeLarger',
  150: 'commonSizeLargest',
};

export function ComfortPanel() {
  const { comfort, change } = useComfort();
  const id = useId();
  return (
    <section class="tl-panel tl-comfort" aria-label={t('commonReadingComfort')}>
      <div class="tl-field-row">
        <label for={`${id}-style`}>{t('popupMarkWordsWith')}</label>
        <select
          id={`${id}-style`}
          class="tl-select"
          value={comfort?.highlightStyle}
          disabled={comfort === null}
          onChange={(e) => change('highlightStyle', e.currentTarget.value as HighlightStyle)}
        >
          {HIGHLIGHT_STYLES.map((s) => (
            <option key={s} value={s}>
              {t(STYLE_LABELS[s])}
            </option>
          ))}
        </select>
      </div>
      <div class="tl-field-row">
        <label for={`${id}-size`}>{t('popupTextSize')}</label>
        <select
          id={`${id}-size`}
          class="tl-select"
          value={comfort === null ? undefined : String(comfort.textSize)}
          disabled={comfort === null}
          onChange={(e) => change('textSize', Number(e.currentTarget.value) as TextSize)}
        >
          {TEXT_SIZES.map((s) => (
            <option key={s} value={String(s)}>
              {t('commonSizeChoice', [t(SIZE_LABELS[s]), formatNumber(s)])}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
