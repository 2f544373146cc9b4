import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { UploadView } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { useUploads } from '@/api/uploads';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable, type Column } from '@/components/table/DataTable';
import { organizationColumn, organizationTypeFacet } from '@/components/table/organization-columns';
import { outcomeLabel } from '@/lib/uploads';

type UploadsTableProps = {
  /** One organization's uploads; without it, every upload of the period the session may see. */
  org?: string;
  period: string;
  /** How many of the latest to show. */
  shown?: number;
  /** What to say when there is none. */
  empty?: string;
};

const organizationOf = (upload: UploadView) => upload.organization;

/** The latest files sent for the period: what, when, by whom, the outcome, and a link to the details. */
export function UploadsTable({ org, period, shown = 10, empty }: UploadsTableProps) {
  const uploads = useUploads({ org, period });
  const organizations = useOrganizations();
  const columns = useMemo((): Column<UploadView>[] => {
    const file: Column<UploadView> = {
      id: 'file',
      header: 'Файл',
      kind: 'text',
      rowHeader: true,
      value: (upload) => upload.fileName,
      render: (upload) => (
        <>
          <Link to={`/uploads/${upload.id}`} title="Подробности загрузки: все ошибки и предупреждения">
            {upload.fileName}
          </Link>{' '}
          <span className="muted small">№ {upload.id}</span>
        </>
      ),
    };
    const rest: Column<UploadView>[] = [
      { id: 'uploadedAt', header: 'Загружен', kind: 'date', value: (upload) => upload.uploadedAt },
      {
        id: 'outcome',
        header: 'Результат',
        kind: 'text',
        value: (upload) => outcomeLabel(upload.outcome),
        render: (upload) => (
          <span className={`outcome outcome--${upload.outcome}`}>{outcomeLabel(upload.outcome)}</span>
        ),
      },
      { id: 'errors', header: 'Ошибок', kind: 'number', value: (upload) => upload.errorCount },
      { id: 'warnings', header: 'Предупреждений', kind: 'number', value: (upload) => upload.warningCount },
      { id: 'uploadedBy', header: 'Кто загрузил', kind: 'text', value: (upload) => upload.uploadedBy },
    ];
    return org === undefined
      ? [file, organizationColumn(organizationOf, organizations.data), ...rest]
      : [file, ...rest];
  }, [org, organizations.data]);

  if (uploads.isPending) return <Loading />;
  if (uploads.isError)
    return <ErrorMessage error={uploads.error} what="загрузки" retry={() => void uploads.refetch()} />;
  if (uploads.data.length === 0) {
    return <p className="muted">{empty ?? `За ${period} не загружено ни одного файла.`}</p>;
  }
  return (
    <DataTable
      label="Загрузки"
      wide
      fileName={org === undefined ? `Загрузки ${period}` : `Загрузки ${org} ${period}`}
      columns={columns}
      rows={uploads.data}
      rowKey={(upload) => String(upload.id)}
      facet={org === undefined ? organizationTypeFacet(organizationOf, organizations.data) : undefined}
      searchText={(upload) => upload.organization ?? ''}
      limit={shown}
    />
  );
}
