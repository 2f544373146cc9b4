import { indicatorById, type IndicatorValueView } from '@profmonitor/domain';
import { useCompleteness } from '@/api/completeness';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { CompletenessTable } from '@/components/indicator/CompletenessTable';

/** For completeness the explanation is the table of sheets and the organizations still missing. */
export function CompletenessSection({ period, values }: { period: string; values: IndicatorValueView[] }) {
  const completeness = useCompleteness(period);
  const target =
    values.find((v) => v.period === period)?.target ?? indicatorById('completeness')!.defaultTarget;
  return (
    <section className="card" id="explanation" aria-labelledby="completeness-title">
      <h2 id="completeness-title">Кто сдал отчёты за {period}</h2>
      {completeness.isPending ? (
        <Loading />
      ) : completeness.isError ? (
        <ErrorMessage
          error={completeness.error}
          what="полноту отчётности"
          retry={() => void completeness.refetch()}
        />
      ) : (
        <CompletenessTable completeness={completeness.data} target={target} />
      )}
    </section>
  );
}
