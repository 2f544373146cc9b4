import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useOrganizations } from '@/api/organizations';
import { useChooseMunicipality } from '@/hooks/use-level';
import { municipalitiesOf } from '@/lib/levels';

type MunicipalitySelectProps = {
  /** The choice of every municipality at once: «Весь регион», «Все муниципалитеты». */
  allLabel: string;
  /** What that choice puts in the address; '' (default) leaves `?municipality=` out. */
  allValue?: string;
  /** The choice shown when the address names none (default: the `allValue` one). */
  value?: string;
};

/**
 * The ministry picks the municipality a page shows, or the whole region; the choice lives in the
 * address (`?municipality=`). A chosen organization (`?org=`) is let go: it may be another's.
 */
export function MunicipalitySelect({ allLabel, allValue = '', value }: MunicipalitySelectProps) {
  const id = useId();
  const [params] = useSearchParams();
  const choose = useChooseMunicipality();
  const municipalities = municipalitiesOf(useOrganizations().data);
  const chosen = params.get('municipality') ?? value ?? allValue;
  return (
    <div className="field municipality-select">
      <label htmlFor={id}>Муниципалитет</label>
      <select id={id} value={chosen} onChange={(event) => choose(event.target.value)}>
        <option value={allValue}>{allLabel}</option>
        {chosen !== allValue && !municipalities.includes(chosen) && <option value={chosen}>{chosen}</option>}
        {municipalities.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </div>
  );
}
