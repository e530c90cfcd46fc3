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

interface Option<T> {
  value: T;
  label: string;
  hint?: string;
}

const STYLE_OPTIONS: ReadonlyArray<Option<HighlightStyle>> = [
  { value: 'underline', label: 'Dotted line under the word' },
  { value: 'soft', label: 'Soft colour behind the word' },
  { value: 'off', label: 'No marks', hint: 'Point at a word to see if Termlight explains it.' },
];

const DELAY_OPTIONS: ReadonlyArray<Option<HoverDelay>> = [
  { value: 'short', label: 'Short' },
  { value: 'normal', label: 'Normal' },
  { value: 'long', label: 'Long', hint: 'Good for unsteady hands: rest on a word a little longer.' },
];

const SIZE_OPTIONS: ReadonlyArray<Option<TextSize>> = [
  { value: 100, label: 'Normal (100%)' },
  { value: 125, label: 'Larger (125%)' },
  { value: 150, label: 'Largest (150%)' },
];

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
            <span>{o.label}</span>
            {sample && <span class="tl-sample-wrap" aria-hidden="true">{sample(o.value)}</span>}
            {o.hint && <span class="tl-hint tl-radio-hint">{o.hint}</span>}
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
        Reading comfort
      </h2>
      <p class="tl-note">Changes show at once in the pages you have open.</p>

      <Choices
        legend="How words are marked"
        options={STYLE_OPTIONS}
        value={comfort?.highlightStyle}
        onChange={set('highlightStyle')}
        sample={(style) => <span class={`tl-sample tl-sample--${style}`}>immunotherapy</span>}
      />
      <Switch
        label="Mark a word only the first time"
        checked={comfort?.firstMentionOnly ?? false}
        disabled={comfort === null}
        onChange={set('firstMentionOnly')}
        description="Later times are not marked, but still explained when you point at them."
      />
      <Choices legend="Wait before explaining" options={DELAY_OPTIONS} value={comfort?.hoverDelay} onChange={set('hoverDelay')} />
      <Choices
        legend="Text size of explanations"
        options={SIZE_OPTIONS}
        value={comfort?.textSize}
        onChange={set('textSize')}
        sample={(size) => (
          <span class="tl-sample tl-sample--size" style={{ fontSize: `${(16 * size) / 100}px` }}>
            Aa
          </span>
        )}
      />

      <h3 class="tl-subheading">Keyboard</h3>
      <ul class="tl-keys">
        <li>
          {shortcut ? (
            <>
              <kbd>{shortcut}</kbd> explains the word you selected. With nothing selected, it starts at the first marked
              word on the screen.
            </>
          ) : shortcut === '' ? (
            <>No keyboard shortcut is set for “Explain the selected word”. You can choose one in your browser’s shortcut settings.</>
          ) : (
            <>Your browser’s keyboard shortcut for Termlight explains the word you selected.</>
          )}
        </li>
        <li>
          In the explanation: <kbd>]</kbd> goes to the next word, <kbd>[</kbd> to the one before, and <kbd>Esc</kbd> closes it.
        </li>
        <li>
          To change the shortcut: in Chrome or Edge, open <code>chrome://extensions/shortcuts</code>. In Firefox, open Add-ons
          and Themes, then the gear button, then Manage Extension Shortcuts.
        </li>
      </ul>
    </section>
  );
}
