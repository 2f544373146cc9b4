import { Link } from 'react-router-dom';
import { useCompleteness } from '@/api/completeness';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { usePeriodLink } from '@/hooks/use-search-param';
import { plural } from '@/lib/format';
import { missingReports } from '../model';

/** The organizations that have not sent everything for the period: the committee's to-do list. */
export function MissingReports({ period }: { period: string }) {
  const completeness = useCompleteness(period);
  const linkTo = usePeriodLink();
  if (completeness.isPending) return <Loading />;
  if (completeness.isError) {
    return (
      <ErrorMessage
        error={completeness.error}
        what="полноту отчётности"
        retry={() => void completeness.refetch()}
      />
    );
  }
  const missing = missingReports(completeness.data);
  if (missing.length === 0) return <p className="muted">За {period} все организации сдали все листы.</p>;
  return (
    <>
      <p className="muted small">
        {missing.length} {plural(missing.length, 'организация', 'организации', 'организаций')} без полного
        отчёта. Откройте организацию, чтобы увидеть её загрузки и ошибки.
      </p>
      <ul className="missing-list">
        {missing.map((org) => (
          <li key={org.code}>
            <Link to={linkTo('/uploads', { org: org.code })}>{org.name}</Link>{' '}
            <span className="muted small">нет: {org.sheets.join(', ')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
