import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { PeriodView } from '@profmonitor/domain';
import { useSelectedPeriod } from '@/hooks/use-selected-period';
import { toQueryString } from '@/lib/api-client';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';

type PeriodGateProps = {
  children: (period: PeriodView, periods: PeriodView[]) => ReactNode;
};

/** Renders a page's content once the period of its address is known, or says why it cannot. */
export function PeriodGate({ children }: PeriodGateProps) {
  const selected = useSelectedPeriod();
  const { pathname } = useLocation();

  switch (selected.status) {
    case 'pending':
      return <Loading />;
    case 'error':
      return <ErrorMessage error={selected.error} what="список отчётных периодов" retry={selected.retry} />;
    case 'none':
      return (
        <EmptyState>
          <p>
            В системе пока нет отчётных периодов. Загрузите реестр организаций и их отчёты, затем обновите
            страницу.
          </p>
        </EmptyState>
      );
    case 'unknown':
      return (
        <div className="alert" role="alert">
          <p className="alert__title">Периода «{selected.requested}» в системе нет.</p>
          <p>
            Возможно, ссылка устарела. Выберите период вверху страницы или откройте{' '}
            <Link to={{ pathname, search: toQueryString({ period: selected.latest.code }) }}>
              последний период ({selected.latest.code})
            </Link>
            .
          </p>
        </div>
      );
    case 'ready':
      return children(selected.period, selected.periods);
  }
}
