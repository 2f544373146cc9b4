import { useId, useMemo, useState } from 'react';
import type { OrganizationView } from '@profmonitor/domain';
import { useAddMeasure, useMeasures, type CycleLevel } from '@/api/cycle';
import { CycleForm, firstProblem } from '@/components/cycle/CycleForm';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable } from '@/components/table/DataTable';
import { measureColumns } from '../model';
import { OrganizationsPicker } from './OrganizationsPicker';

type SectionProps = { query: CycleLevel; organizations: readonly OrganizationView[] };

/** Measures (мероприятия): what, when, who is responsible, for which organizations. */
export function MeasuresSection({ query, organizations }: SectionProps) {
  const measures = useMeasures(query);
  const columns = useMemo(
    () => measureColumns(new Map(organizations.map((o) => [o.code, o.shortName ?? o.name]))),
    [organizations],
  );
  return (
    <section className="card" aria-labelledby="cycle-measures-title">
      <h2 id="cycle-measures-title">Мероприятия</h2>
      <MeasureForm query={query} organizations={organizations} />
      {measures.isPending ? (
        <Loading height={120} />
      ) : measures.isError ? (
        <ErrorMessage error={measures.error} what="мероприятия" retry={() => void measures.refetch()} />
      ) : measures.data.length === 0 ? (
        <p className="muted">За {query.period} мероприятий ещё нет.</p>
      ) : (
        <DataTable
          label="Мероприятия"
          fileName={`Мероприятия ${query.period.replace('/', '-')}`}
          columns={columns}
          rows={measures.data}
          rowKey={(m) => String(m.id)}
          initialSort={{ column: 'from', direction: 'asc' }}
        />
      )}
    </section>
  );
}

function MeasureForm({ query, organizations }: SectionProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [responsible, setResponsible] = useState('');
  const [orgs, setOrgs] = useState<string[]>([]);
  const add = useAddMeasure();
  return (
    <div className="cycle-form">
      <CycleForm
        title="Новое мероприятие"
        submitLabel="Добавить мероприятие"
        savedText="Мероприятие добавлено."
        failure="Мероприятие не добавлено."
        check={() =>
          firstProblem([
            [text.trim() === '', 'Опишите мероприятие.'],
            [from === '', 'Укажите дату мероприятия.'],
            [responsible.trim() === '', 'Укажите ответственного.'],
            [orgs.length === 0, 'Выберите хотя бы одну организацию.'],
          ])
        }
        send={() =>
          add.mutate(
            { ...query, text, from, until: until || undefined, responsible, orgs },
            {
              onSuccess: () => {
                setText('');
                setFrom('');
                setUntil('');
                setOrgs([]);
              },
            },
          )
        }
        sending={add}
      >
        <div className="field">
          <label htmlFor={`${id}-text`}>Что</label>
          <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="cycle-form__row">
          <div className="field">
            <label htmlFor={`${id}-from`}>Дата (начало)</label>
            <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-until`}>Окончание (если несколько дней)</label>
            <input id={`${id}-until`} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-responsible`}>Ответственный</label>
            <input
              id={`${id}-responsible`}
              type="text"
              value={responsible}
              onChange={(e) => setResponsible(e.target.value)}
            />
          </div>
        </div>
        <OrganizationsPicker
          legend="Для организаций"
          organizations={organizations}
          chosen={orgs}
          onChange={setOrgs}
          disabled={add.isPending}
        />
      </CycleForm>
    </div>
  );
}
