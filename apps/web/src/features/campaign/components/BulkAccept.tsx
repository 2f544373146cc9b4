import { useState } from 'react';
import type { BulkReviewView, ReportStatusView } from '@profmonitor/domain';
import { formatNumber, plural } from '@/lib/format';
import { useReviewReports } from '../api/campaign-actions';
import { bulkEligible } from '../model';
import { Dialog } from './Dialog';

type BulkAcceptProps = {
  period: string;
  reports: ReportStatusView[];
  onStart: () => void;
  onDone: (text: string, tone: 'ok' | 'error') => void;
};

const reportsWord = (count: number) => plural(count, 'отчёт', 'отчёта', 'отчётов');

/** What came of a bulk acceptance, in a sentence the committee reads once. */
function resultText(result: BulkReviewView, names: Map<string, string>): string {
  const accepted = `Принято ${formatNumber(result.accepted.length)} ${reportsWord(result.accepted.length)}.`;
  if (result.refused.length === 0) return accepted;
  const refused = result.refused
    .map(({ org, message }) => `${names.get(org) ?? org} (${org}): ${message}`)
    .join('; ');
  return `${accepted} Не приняты: ${refused}`;
}

/**
 * «Принять все сданные без предупреждений»: a confirmation lists exactly the reports it will take
 * (every `сдан` report whose last upload has no warning), then they are accepted at once.
 */
export function BulkAccept({ period, reports, onStart, onDone }: BulkAcceptProps) {
  const [confirming, setConfirming] = useState(false);
  const bulk = useReviewReports();
  const eligible = bulkEligible(reports);
  const names = new Map(reports.map((r) => [r.org, r.name]));

  function acceptAll() {
    bulk.mutate(
      { period, orgs: eligible.map((r) => r.org) },
      {
        onSuccess: (result) => {
          setConfirming(false);
          onDone(resultText(result, names), result.refused.length > 0 ? 'error' : 'ok');
        },
      },
    );
  }

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={eligible.length === 0}
        title={eligible.length === 0 ? 'Нет отчётов в состоянии «сдан» без предупреждений' : undefined}
        onClick={() => {
          bulk.reset();
          onStart();
          setConfirming(true);
        }}
      >
        Принять все сданные без предупреждений ({formatNumber(eligible.length)})
      </button>
      {confirming && (
        <Dialog
          title={`Принять ${formatNumber(eligible.length)} ${reportsWord(eligible.length)}?`}
          onClose={() => setConfirming(false)}
          confirm={{
            label: bulk.isPending ? 'Принимаем…' : `Принять ${formatNumber(eligible.length)}`,
            onClick: acceptAll,
            pending: bulk.isPending,
          }}
        >
          <p>
            Будут приняты отчёты в состоянии «сдан», в последней загрузке которых нет предупреждений. Принятый
            отчёт закрыт для изменений; вернуть его можно с комментарием.
          </p>
          <ol className="campaign-bulk-list" aria-label="Отчёты, которые будут приняты">
            {eligible.map((r) => (
              <li key={r.org}>
                {r.name} <span className="muted small">{r.org}</span>
              </li>
            ))}
          </ol>
          {bulk.isError && (
            <p className="alert small" role="alert">
              Отчёты не приняты. {bulk.error.message}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
