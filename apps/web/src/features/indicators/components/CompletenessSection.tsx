import { indicatorById } from '@profmonitor/domain';
import { useCompleteness } from '@/api/completeness';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { CompletenessTable } from '@/components/indicator/CompletenessTable';
import { useTargets } from '../api/get-targets';

type CompletenessSectionProps = {
  period: string;
  /** A municipality chosen by the ministry; else the account's own level. */
  municipality?: string;
};

/** For completeness the explanation is the table of sheets and the organizations still missing. */
export function CompletenessSection({ period, municipality }: CompletenessSectionProps) {
  const completeness = useCompleteness(period, municipality);
  // The level's target in force (the target section's answer: no second request).
  const targets = useTargets(period, municipality);
  const target =
    targets.data?.find((t) => t.id === 'completeness')?.target ??
    indicatorById('completeness')!.defaultTarget;
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
