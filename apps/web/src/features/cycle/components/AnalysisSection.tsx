import { useId, useMemo, useState } from 'react';
import { useAnalyses, useAnalysisHistory, useWriteAnalysis, type CycleLevel } from '@/api/cycle';
import { useIndicatorValues } from '@/api/indicator-values';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TextForm } from '@/components/cycle/CycleForm';
import { StatusBadge } from '@/components/indicator/Badges';
import { DataTable, type Column } from '@/components/table/DataTable';
import { formatDateTime } from '@/lib/format';
import type { Level } from '@/lib/levels';
import { actionColumn } from './action-column';
import { indicatorColumns, indicatorExportColumns, indicatorRows, type IndicatorRow } from '../model';

type SectionProps = { query: CycleLevel; level: Level };

/** Per indicator the level's value and status, and the committee's analysis: written, rewritten, its versions. */
export function AnalysisSection({ query, level }: SectionProps) {
  const values = useIndicatorValues({
    period: query.period,
    org: 'municipal',
    municipality: query.municipality,
  });
  const analyses = useAnalyses(query);
  const [editing, setEditing] = useState<IndicatorRow['id'] | null>(null);
  const rows = useMemo(
    () => (values.data && analyses.data ? indicatorRows(values.data, analyses.data, query.period) : []),
    [values.data, analyses.data, query.period],
  );
  const columns = useMemo(
    (): Column<IndicatorRow>[] => [
      ...indicatorColumns.map((column) =>
        column.id === 'status'
          ? { ...column, render: (r: IndicatorRow) => <StatusBadge status={r.status} /> }
          : column,
      ),
      actionColumn<IndicatorRow>({
        id: 'edit',
        header: 'Действие',
        text: (r) => (r.analysis ? 'Изменить' : 'Написать'),
        label: (r) => `${r.analysis ? 'Изменить анализ' : 'Написать анализ'}: ${r.name}`,
        onClick: (r) => setEditing(r.id),
      }),
    ],
    [],
  );
  const row = rows.find((r) => r.id === editing);
  return (
    <section className="card" aria-labelledby="cycle-analysis-title">
      <h2 id="cycle-analysis-title">Показатели и анализ комитета</h2>
      <p className="muted small">
        Значения и статусы {level.by}, как в обзоре; анализ хранится со всеми версиями.
      </p>
      {values.isPending || analyses.isPending ? (
        <Loading height={240} />
      ) : values.isError || analyses.isError ? (
        <ErrorMessage
          error={(values.error ?? analyses.error)!}
          what="показатели и анализ"
          retry={() => void Promise.all([values.refetch(), analyses.refetch()])}
        />
      ) : (
        <DataTable
          label="Показатели и анализ"
          fileName={`Анализ показателей ${query.period.replace('/', '-')}`}
          columns={columns}
          exportColumns={indicatorExportColumns}
          rows={rows}
          rowKey={(r) => r.id}
          rowProps={(r) => ({ 'data-indicator': r.id })}
          search={false}
        />
      )}
      {row && <AnalysisEditor key={row.id} query={query} row={row} onClose={() => setEditing(null)} />}
    </section>
  );
}

function AnalysisEditor({
  query,
  row,
  onClose,
}: {
  query: CycleLevel;
  row: IndicatorRow;
  onClose: () => void;
}) {
  const titleId = useId();
  const write = useWriteAnalysis();
  const history = useAnalysisHistory(query, row.id, { enabled: row.analysis !== null });
  return (
    <div className="cycle-editor" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>Анализ: {row.name}</h3>
      <TextForm
        label="Текст анализа"
        rows={6}
        initial={row.analysis?.text ?? ''}
        emptyMessage="Напишите текст анализа."
        submitLabel="Сохранить анализ"
        savedText="Анализ сохранён."
        failure="Анализ не сохранён."
        sending={write}
        onSend={(text) => write.mutate({ ...query, indicator: row.id, text })}
        actions={
          <button type="button" className="button button--secondary" onClick={onClose}>
            Закрыть
          </button>
        }
      />
      {row.analysis && (
        <details className="cycle-history">
          <summary>Версии анализа ({row.analysis.earlierVersions + 1})</summary>
          {history.isPending ? (
            <Loading height={60} />
          ) : history.isError ? (
            <ErrorMessage error={history.error} what="версии анализа" retry={() => void history.refetch()} />
          ) : (
            <ol className="cycle-history__list">
              {history.data.map((version) => (
                <li key={version.writtenAt + version.earlierVersions}>
                  <p className="muted small">
                    {formatDateTime(version.writtenAt)}, {version.writtenBy}
                  </p>
                  <p className="cycle-text">{version.text}</p>
                </li>
              ))}
            </ol>
          )}
        </details>
      )}
    </div>
  );
}
