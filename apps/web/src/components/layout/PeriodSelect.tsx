import { useId } from 'react';
import { usePeriods } from '@/api/periods';
import { useSearchParam } from '@/hooks/use-search-param';

/** The period of every page, kept in the address (`?period=`); the latest one when none is chosen. */
export function PeriodSelect() {
  const id = useId();
  const periods = usePeriods();
  const [requested, setPeriod] = useSearchParam('period');
  if (!periods.data || periods.data.length === 0) return null;
  const value = requested ?? periods.data.at(-1)!.code;

  return (
    <div className="period-select">
      <label htmlFor={id}>Период</label>
      <select id={id} value={value} onChange={(event) => setPeriod(event.target.value)}>
        {!periods.data.some((p) => p.code === value) && <option value={value}>{value}</option>}
        {[...periods.data].reverse().map((p) => (
          <option key={p.code} value={p.code}>
            {p.code}
          </option>
        ))}
      </select>
    </div>
  );
}
