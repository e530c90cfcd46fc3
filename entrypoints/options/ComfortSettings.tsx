/**
 * Reading comfort: how terms are marked, how soon they are explained, how big the
 * explanation's text is, and the keyboard shortcut. Each choice applies to open tabs at once.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { Switch } from '../../components/Switch';
import type { Comfort, HighlightStyle, HoverDelay, TextSize } from '../../utils/storage/settings-store';
import { useComfort } from '../../hooks/use-comfort';
import { useShortcut } from '../../hooks/use-shortcut';
import { rich } from '../../components/RichText';
import { formatNumber, t, type MessageId } from '../../utils/i18n';

interface Option<T> {
  value: T;
  label: () => string;
  hint?: MessageId;
}

const STYLE_OPTIONS: ReadonlyArray<Option<HighlightStyle>> = [
  { value: 'underline', label: () => t('optionsStyleUnderline') },
  { value: 'soft', label: () => t('optionsStyleSoft') },
  { value: 'off', label: () => t('optionsStyleOff'), hint: 'optionsStyleOffHint' },
];

const DELAY_OPTIONS: ReadonlyArray<Option<HoverDelay>> = [
  { value: 'short', label: () => t('optionsDelayShort') },
  { value: 'normal', label: () => t('optionsDelayNormal') },
  { value: 'long', label: () => t('optionsDelayLong'), hint: 'optionsDelayLongHint' },
];

/** "Larger (125%)", as in the popup. */
const sizeLabel = (id: MessageId, percent: TextSize) => () => t('commonSizeChoice', [t(id), formatNumber(percent)]);

const SIZE_OPTIONS: ReadonlyArray<Option<TextSize>> = [
  { value: 100, label: sizeLabel('commonSizeNormal', 100) },
  { value: 125, label: sizeLabel('commonSizeLarger', 125) },
  { value: 150, label: sizeLabel('commonSizeLargest', 150) },
];

/** Where Chrome and Edge let people change extension shortcuts (a browser address: never translated). */
const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

function Choices<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  sample,
}: {
  legend: string;
  options: ReadonlyArray<Option<T>>;
  value: T | undefined;
  onChange: (value: T) => void;
  /** A small example of each choice, beside its label. */
  sample?: (value: T) => ComponentChildren;
}) {
  const name = useId();
  return (
    <fieldset class="tl-choice tl-comfort-choice" disabled={value === undefined}>
      <legend class="tl-label">{legend}</legend>
      {options.map((o) => (
        <label class="tl-radio" key={String(o.value)}>
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span class="tl-radio-text">
            <span>{o.label()}</span>
            {sample && <span class="tl-sample-wrap" aria-hidden="true">{sample(o.value)}</span>}
            {o.hint && <span class="tl-hint tl-radio-hint">{t(o.hint)}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function ComfortSettings() {
  const { comfort, change } = useComfort();
  const shortcut = useShortcut();
  const id = useId();
  const set =
    <K extends keyof Comfort>(key: K) =>
    (value: Comfort[K]) =>
      change(key, value);

  return (
    <section class="tl-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="tl-section-heading">
        {t('commonReadingComfort')}
      </h2>
      <p class="tl-note">{t('optionsComfortNote')}</p>

      <Choices
        legend={t('optionsHowMarked')}
        options={STYLE_OPTIONS}
        value={comfort?.highlightStyle}
        onChange={set('highlightStyle')}
        sample={(style) => <span class={`tl-sample tl-sample--${style}`}>{t('optionsMarkSample')}</span>}
      />
      <Switch
        label={t('optionsFirstOnly')}
        checked={comfort?.firstMentionOnly ?? false}
        disabled={comfort === null}
        onChange={set('firstMentionOnly')}
        description={t('optionsFirstOnlyHelp')}
      />
      <Choices legend={t('optionsWait')} options={DELAY_OPTIONS} value={comfort?.hoverDelay} onChange={set('hoverDelay')} />
      <Choices
        legend={t('optionsTextSize')}
        options={SIZE_OPTIONS}
        value={comfort?.textSize}
        onChange={set('textSize')}
        sample={(size) => (
          <span class="tl-sample tl-sample--size" style={{ fontSize: `${(16 * size) / 100}px` }}>
            {t('optionsSizeSample')}
          </span>
        )}
      />

      <h3 class="tl-subheading">{t('optionsKeyboard')}</h3>
      <ul class="tl-keys">
        <li>
          {shortcut
            ? rich('optionsShortcutSet', [<kbd>{shortcut}</kbd>])
            : shortcut === ''
              ? t('optionsShortcutNone')
              : t('optionsShortcutUnknown')}
        </li>
        <li>{rich('optionsKeysInCard', [<kbd>]</kbd>, <kbd>[</kbd>, <kbd>{t('optionsKeyEsc')}</kbd>])}</li>
        <li>{rich('optionsChangeShortcut', [<code>{CHROME_SHORTCUTS_PAGE}</code>])}</li>
      </ul>
    </section>
  );
}
