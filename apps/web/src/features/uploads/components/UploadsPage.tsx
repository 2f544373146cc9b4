import type { SessionUserView } from '@profmonitor/domain';
import { useCurrentUser } from '@/api/session';
import { OrganizationSelect } from '@/components/layout/OrganizationSelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { UploadPanel } from '@/components/uploads/UploadPanel';
import { UploadsTable } from '@/components/uploads/UploadsTable';
import { SchoolRecommendations } from '@/components/cycle/SchoolRecommendations';
import { useSearchParam } from '@/hooks/use-search-param';
import { canUse } from '@/lib/access';
import { MissingReports } from './MissingReports';
import { SchoolReport, UploadLocks } from './SchoolReport';
import { SheetVersions } from './SheetVersions';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

const TITLES: Record<SessionUserView['role'], string> = {
  region: 'Загрузки отчётов',
  committee: 'Загрузки отчётов',
  school: 'Загрузка отчёта',
  employment: 'Загрузка потребности в кадрах',
};

/**
 * Send a workbook and see at once what became of it; below, what was sent before. A school lands
 * here: above the upload, what is due and by when and where its report stands.
 */
export function UploadsPage() {
  const user = useCurrentUser();
  usePageTitle(TITLES[user.role], usePeriodCode());
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>{TITLES[user.role]}</h1>
          {user.organizationName && <p className="muted">{user.organizationName}</p>}
        </div>
      </header>
      {user.role === 'school' && <SchoolReport user={user} />}
      {user.role === 'school' && <SchoolRecommendations />}
      <UploadPanel user={user} notice={user.role === 'school' && <UploadLocks user={user} />} />
      <PeriodGate>{(period) => <UploadsHistory user={user} period={period.code} />}</PeriodGate>
    </section>
  );
}

/** The period's uploads and sheet versions: a school's own, or the organization the committee picks. */
function UploadsHistory({ user, period }: { user: SessionUserView; period: string }) {
  const [picked] = useSearchParam('org');
  const org =
    user.role === 'school'
      ? (user.organization ?? undefined)
      : user.role === 'committee'
        ? picked
        : undefined;
  return (
    <>
      {user.role === 'committee' && <OrganizationSelect allLabel="Все организации" inline />}
      {canUse(user, 'completeness') && !org && (
        <section className="card" aria-labelledby="missing-title">
          <h2 id="missing-title">Не прислали отчёт за {period}</h2>
          <MissingReports period={period} />
        </section>
      )}
      <section className="card" aria-labelledby="uploads-title">
        <h2 id="uploads-title">История загрузок за {period}</h2>
        <UploadsTable org={org} period={period} shown={20} />
      </section>
      {org && (
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">Версии листов отчёта за {period}</h2>
          <p className="muted small">
            Принятый лист становится действующей версией; прежние версии остаются в истории.
          </p>
          <SheetVersions org={org} period={period} />
        </section>
      )}
    </>
  );
}
