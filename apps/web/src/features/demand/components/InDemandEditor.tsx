import { useState, type FormEvent } from 'react';
import type { DemandView } from '@profmonitor/domain';
import { useCurrentUser } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { plural } from '@/lib/format';
import { formatValue } from '@/lib/indicators';
import { levelOf } from '@/lib/levels';
import { useDemand } from '../api/get-demand';
import { useUpdateInDemand } from '../api/update-in-demand';
import { inDemandChoices, type InDemandChoice } from '../model';

/**
 * The committee's in-demand areas of the period: by default those with at least 5 % of the
 * vacancies; the committee may name them itself, and go back to the rule.
 */
export function InDemandEditor({ period }: { period: string }) {
  // The territory the rule uses (Город, else Регион) is the API's default one.
  const demand = useDemand({ period });
  // Here, not in the form: a saved list remounts the form, and the outcome must stay in view.
  const update = useUpdateInDemand();
  // Whose list: the account's own level's, whichever municipality the page above shows.
  const level = levelOf(useCurrentUser());
  return (
    <section className="card in-demand-editor" aria-labelledby="in-demand-title">
      <h2 id="in-demand-title">
        Востребованные области{level.kind === 'city' ? '' : ` ${level.of}`} за {period}
      </h2>
      {demand.isPending ? (
        <Loading />
      ) : demand.isError ? (
        <ErrorMessage
          error={demand.error}
          what="востребованные области"
          retry={() => void demand.refetch()}
        />
      ) : (
        // A fresh form whenever the list in force changes: it starts from what is saved.
        <InDemandForm key={JSON.stringify(demand.data.inDemandList)} demand={demand.data} update={update} />
      )}
      {update.isError && (
        <p className="alert" role="alert">
          Список не сохранён. {update.error.message}
        </p>
      )}
      {update.isSuccess && (
        <p className="notice notice--ok" role="status">
          {update.variables.areas === null
            ? 'Снова действует правило 5 %: показатели периода пересчитаны.'
            : 'Список сохранён: показатели периода пересчитаны.'}
        </p>
      )}
    </section>
  );
}

type InDemandFormProps = { demand: DemandView; update: ReturnType<typeof useUpdateInDemand> };

function InDemandForm({ demand, update }: InDemandFormProps) {
  const choices = inDemandChoices(demand);
  const initial = choices.filter((c) => c.inDemand).map((c) => c.area);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set(initial));
  const explicit = demand.inDemandList !== null;
  const changed = checked.size !== initial.length || initial.some((area) => !checked.has(area));

  function toggle(area: string) {
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(area)) next.add(area);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const areas = choices.filter((c) => checked.has(c.area)).map((c) => c.area);
    update.mutate({ period: demand.period, areas });
  }

  return (
    <form className="in-demand" onSubmit={submit} noValidate>
      <p className={explicit ? 'notice' : 'muted'}>
        {explicit
          ? `Действует список комитета: ${initial.length} ${plural(initial.length, 'область', 'области', 'областей')}. Доля вакансий на него не влияет.`
          : `Действует правило: востребованы области, на которые приходится не меньше 5 % вакансий периода${demand.territory ? ` (${demand.territory === 'Город' ? 'город' : 'регион'})` : ''}. Отметьте области, чтобы задать список самим.`}
      </p>
      <fieldset className="in-demand__areas" disabled={update.isPending}>
        <legend className="muted small">Области и их доля вакансий</legend>
        {choices.map((choice) => (
          <AreaCheckbox
            key={choice.area}
            choice={choice}
            checked={checked.has(choice.area)}
            onToggle={toggle}
          />
        ))}
      </fieldset>
      <div className="row-actions">
        <button
          type="submit"
          className="button"
          disabled={update.isPending || checked.size === 0 || (explicit && !changed)}
        >
          {update.isPending ? 'Сохранение…' : 'Сохранить список'}
        </button>
        {explicit && (
          <button
            type="button"
            className="button button--secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ period: demand.period, areas: null })}
          >
            Вернуть правило 5 %
          </button>
        )}
      </div>
      {checked.size === 0 && (
        <p className="muted small">Отметьте хотя бы одну область — или верните правило 5 %.</p>
      )}
    </form>
  );
}

type AreaCheckboxProps = { choice: InDemandChoice; checked: boolean; onToggle: (area: string) => void };

function AreaCheckbox({ choice, checked, onToggle }: AreaCheckboxProps) {
  return (
    <label className="in-demand__area">
      <input type="checkbox" checked={checked} onChange={() => onToggle(choice.area)} /> {choice.name}{' '}
      <span className="muted small">{formatValue(choice.vacanciesShare, 'percent')}</span>
    </label>
  );
}
