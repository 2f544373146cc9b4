import { useId } from 'react';
import type { OrganizationView } from '@profmonitor/domain';

type OrganizationsPickerProps = {
  legend: string;
  organizations: readonly OrganizationView[];
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
};

/**
 * The level's organizations as checkboxes (names are long: a list, not a select), with «Выбрать
 * все» and «Снять все»; large enough to tap on a tablet.
 */
export function OrganizationsPicker({
  legend,
  organizations,
  chosen,
  onChange,
  disabled = false,
}: OrganizationsPickerProps) {
  const id = useId();
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));
  return (
    <fieldset className="cycle-orgs" disabled={disabled}>
      <legend>
        {legend} <span className="muted small">(выбрано: {chosen.length})</span>
      </legend>
      <div className="toolbar">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange(organizations.map((o) => o.code))}
        >
          Выбрать все
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onChange([])}>
          Снять все
        </button>
      </div>
      <ul className="cycle-orgs__list">
        {organizations.map((o) => (
          <li key={o.code}>
            <input
              id={`${id}-${o.code}`}
              type="checkbox"
              checked={chosen.includes(o.code)}
              onChange={(event) => toggle(o.code, event.target.checked)}
            />
            <label htmlFor={`${id}-${o.code}`}>
              {o.shortName ?? o.name} <span className="muted small">{o.code}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
