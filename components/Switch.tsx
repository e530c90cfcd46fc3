/**
 * An on/off switch: a native checkbox with `role="switch"`, so keyboard,
 * screen readers and tests get a real control. It is restyled in place (not
 * hidden behind a fake), so what you click is the input itself.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import './switch.css';

export interface SwitchProps {
  /** Visible label. */
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** Help text under the label, read out with the switch. */
  description?: ComponentChildren;
}

export function Switch({ label, checked, disabled = false, onChange, description }: SwitchProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div class={`tl-switch${disabled ? ' tl-switch--disabled' : ''}`}>
      <label class="tl-switch-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="tl-switch-input"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? descriptionId : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {description && (
        <p class="tl-switch-description" id={descriptionId}>
          {description}
        </p>
      )}
    </div>
  );
}
