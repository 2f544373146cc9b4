import { useId, useMemo, useState } from 'react';
import { INDICATORS, type OrganizationView } from '@profmonitor/domain';
import { useRecommend, useRecommendations, type CycleLevel } from '@/api/cycle';
import { CycleForm, firstProblem } from '@/components/cycle/CycleForm';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable, type Column } from '@/components/table/DataTable';
import { ANSWER_STATE_TEXT, ANSWER_STATE_TONE, todayIso } from '@/lib/cycle';
import { addresseeColumns, addresseeRows, type AddresseeRow } from '../model';
import { OrganizationsPicker } from './OrganizationsPicker';

type SectionProps = { query: CycleLevel; organizations: readonly OrganizationView[] };

const columns: Column<AddresseeRow>[] = addresseeColumns.map((column) =>
  column.id === 'state'
    ? {
        ...column,
        render: (r) => (
          <span className={`badge badge--${ANSWER_STATE_TONE[r.state]}`}>{ANSWER_STATE_TEXT[r.state]}</span>
        ),
      }
    : column,
);

/** Recommendations to named organizations: the form, and each organization's answer (overdue marked). */
export function RecommendationsSection({ query, organizations }: SectionProps) {
  const recommendations = useRecommendations(query);
  const rows = useMemo(() => addresseeRows(recommendations.data ?? [], todayIso()), [recommendations.data]);
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  return (
    <section className="card" aria-labelledby="cycle-recommendations-title">
      <h2 id="cycle-recommendations-title">Адресные рекомендации</h2>
      <RecommendationForm query={query} organizations={organizations} />
      {recommendations.isPending ? (
        <Loading height={160} />
      ) : recommendations.isError ? (
        <ErrorMessage
          error={recommendations.error}
          what="рекомендации"
          retry={() => void recommendations.refetch()}
        />
      ) : rows.length === 0 ? (
        <p className="muted">За {query.period} рекомендаций ещё нет.</p>
      ) : (
        <>
          {overdue > 0 && (
            <p className="alert">
              Без ответа после срока: {overdue} из {rows.length}.
            </p>
          )}
          <DataTable
            label="Рекомендации и ответы организаций"
            fileName={`Рекомендации ${query.period.replace('/', '-')}`}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            rowProps={(r) => ({
              className: r.state === 'overdue' ? 'cycle-row--overdue' : undefined,
              'data-recommendation': String(r.recommendation.id),
              'data-org': r.addressee.org,
            })}
            wide
          />
        </>
      )}
    </section>
  );
}

function RecommendationForm({ query, organizations }: SectionProps) {
  const id = useId();
  const [indicator, setIndicator] = useState<string>(INDICATORS[0].id);
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [orgs, setOrgs] = useState<string[]>([]);
  const recommend = useRecommend();
  return (
    <div className="cycle-form">
      <CycleForm
        title="Новая рекомендация"
        submitLabel="Направить рекомендацию"
        pendingLabel="Отправка…"
        savedText="Рекомендация направлена."
        failure="Рекомендация не направлена."
        check={() =>
          firstProblem([
            [text.trim() === '', 'Напишите текст рекомендации.'],
            [due === '', 'Укажите срок исполнения.'],
            [orgs.length === 0, 'Выберите хотя бы одну организацию.'],
          ])
        }
        send={() =>
          recommend.mutate(
            { ...query, indicator, text, due, orgs },
            {
              onSuccess: () => {
                setText('');
                setOrgs([]);
              },
            },
          )
        }
        sending={recommend}
      >
        <div className="cycle-form__row">
          <div className="field">
            <label htmlFor={`${id}-indicator`}>Показатель</label>
            <select id={`${id}-indicator`} value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              {INDICATORS.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>Срок исполнения</label>
            <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Текст рекомендации</label>
          <textarea id={`${id}-text`} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <OrganizationsPicker
          legend="Кому"
          organizations={organizations}
          chosen={orgs}
          onChange={setOrgs}
          disabled={recommend.isPending}
        />
      </CycleForm>
    </div>
  );
}
