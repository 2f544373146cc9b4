import { useId, useState, type FormEvent } from 'react';
import type { IndicatorDefinition, Target, TargetView } from '@profmonitor/domain';
import { useCurrentUser } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { canUse } from '@/lib/access';
import { formatDate } from '@/lib/format';
import { formatTarget } from '@/lib/indicators';
import { useTargets } from '../api/get-targets';
import { useUpdateTarget, type TargetInput } from '../api/update-target';

export const TARGET_KINDS: { kind: Target['kind']; label: string }[] = [
  { kind: 'atLeast', label: 'не ниже порога' },
  { kind: 'growth', label: 'рост' },
  { kind: 'decrease', label: 'снижение' },
  { kind: 'none', label: 'без цели' },
];

const THRESHOLD_MESSAGE = 'Порог — число процентов от 0 до 100, например 80 или 72,5.';

/** 0.8 → «80»; 0.725 → «72,5»: the threshold as the user types it, without binary noise. */
export function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12))).replace('.', ',');
}

/** «72,5» or «72.5» → 0.725; anything outside 0..100 % → null. */
export function fractionFromPercent(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const percent = Number(trimmed);
  if (!(percent >= 0 && percent <= 100)) return null;
  return Number((percent / 100).toPrecision(12));
}

type TargetSectionProps = {
  definition: IndicatorDefinition;
  period: string;
  /** A municipality the ministry looks at: its target in force, which its committee sets. */
  municipality?: string;
};

/** The target in force for the period, and a form for the committee to change it. */
export function TargetSection({ definition, period, municipality }: TargetSectionProps) {
  const targets = useTargets(period, municipality);
  const target = targets.data?.find((t) => t.id === definition.id);
  // Targets are set by the committee, each for its own level; everyone else sees the one in force.
  const setsTargets = canUse(useCurrentUser(), 'targets');
  const mayChange = setsTargets && municipality === undefined;
  return (
    <section className="card" aria-labelledby="target-title">
      <h2 id="target-title">Цель на {period}</h2>
      {targets.isPending ? (
        <Loading height={80} label="Загрузка цели…" />
      ) : targets.isError ? (
        <ErrorMessage error={targets.error} what="цель показателя" retry={() => void targets.refetch()} />
      ) : !target ? (
        <p className="muted">Для этого показателя цель не задаётся.</p>
      ) : (
        <>
          <TargetInForce target={target} />
          {/* A fresh form whenever the target in force changes: it starts from what is saved. */}
          {mayChange && (
            <TargetForm key={`${target.setAt ?? 'default'}:${formatTarget(target.target)}`} target={target} />
          )}
          {setsTargets && !mayChange && (
            <p className="muted small">Цель муниципалитета «{municipality}» задаёт его комитет.</p>
          )}
        </>
      )}
    </section>
  );
}

/** «committee, 12.05.2025»: who set the target and on which day. */
const setByAndAt = ({ setBy, setAt }: TargetView): string =>
  [setBy, setAt && formatDate(setAt)].filter(Boolean).join(', ');

function TargetInForce({ target }: { target: TargetView }) {
  return (
    <dl className="facts">
      <dt>Действует</dt>
      <dd>
        {formatTarget(target.target)}{' '}
        <span className="muted">{target.custom ? `(задана: ${setByAndAt(target)})` : '(по умолчанию)'}</span>
      </dd>
    </dl>
  );
}

function TargetForm({ target }: { target: TargetView }) {
  const kindId = useId();
  const thresholdId = useId();
  const [kind, setKind] = useState<Target['kind']>(target.target.kind);
  const [threshold, setThreshold] = useState(
    target.target.kind === 'atLeast' ? percentText(target.target.threshold) : '',
  );
  const [inputError, setInputError] = useState<string | null>(null);
  const update = useUpdateTarget();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let data: TargetInput = { kind };
    if (kind === 'atLeast') {
      const fraction = fractionFromPercent(threshold);
      if (fraction === null) {
        setInputError(THRESHOLD_MESSAGE);
        return;
      }
      data = { kind, threshold: fraction };
    }
    setInputError(null);
    update.mutate({ id: target.id, period: target.period, data });
  }

  const error = inputError ?? (update.isError ? update.error.message : null);
  return (
    <form className="toolbar target-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={kindId}>Новая цель</label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => setKind(event.target.value as Target['kind'])}
          disabled={update.isPending}
        >
          {TARGET_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'atLeast' && (
        <div className="field">
          <label htmlFor={thresholdId}>Порог, %</label>
          <input
            id={thresholdId}
            type="text"
            inputMode="decimal"
            size={6}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            aria-invalid={inputError !== null}
            disabled={update.isPending}
          />
        </div>
      )}
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? 'Сохранение…' : 'Сохранить'}
      </button>
      {error !== null && (
        <p className="alert target-form__message" role="alert">
          Цель не сохранена. {error}
        </p>
      )}
    </form>
  );
}
