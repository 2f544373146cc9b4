import { useId, useState } from 'react';
import { useAddDecision, useDecisions, type CycleLevel } from '@/api/cycle';
import { CycleForm, firstProblem } from '@/components/cycle/CycleForm';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable } from '@/components/table/DataTable';
import { decisionColumns } from '../model';

/** Management decisions: text, date, basis. */
export function DecisionsSection({ query }: { query: CycleLevel }) {
  const decisions = useDecisions(query);
  return (
    <section className="card" aria-labelledby="cycle-decisions-title">
      <h2 id="cycle-decisions-title">Управленческие решения</h2>
      <DecisionForm query={query} />
      {decisions.isPending ? (
        <Loading height={120} />
      ) : decisions.isError ? (
        <ErrorMessage error={decisions.error} what="решения" retry={() => void decisions.refetch()} />
      ) : decisions.data.length === 0 ? (
        <p className="muted">За {query.period} решений ещё нет.</p>
      ) : (
        <DataTable
          label="Управленческие решения"
          fileName={`Решения ${query.period.replace('/', '-')}`}
          columns={decisionColumns}
          rows={decisions.data}
          rowKey={(d) => String(d.id)}
          initialSort={{ column: 'date', direction: 'asc' }}
        />
      )}
    </section>
  );
}

function DecisionForm({ query }: { query: CycleLevel }) {
  const id = useId();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [basis, setBasis] = useState('');
  const add = useAddDecision();
  return (
    <div className="cycle-form">
      <CycleForm
        title="Новое решение"
        submitLabel="Записать решение"
        savedText="Решение записано."
        failure="Решение не записано."
        check={() =>
          firstProblem([
            [text.trim() === '', 'Напишите текст решения.'],
            [date === '', 'Укажите дату решения.'],
            [basis.trim() === '', 'Укажите основание решения.'],
          ])
        }
        send={() =>
          add.mutate(
            { ...query, text, date, basis },
            {
              onSuccess: () => {
                setText('');
                setDate('');
                setBasis('');
              },
            },
          )
        }
        sending={add}
      >
        <div className="field">
          <label htmlFor={`${id}-text`}>Решение</label>
          <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="cycle-form__row">
          <div className="field">
            <label htmlFor={`${id}-date`}>Дата решения</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field cycle-form__wide">
            <label htmlFor={`${id}-basis`}>Основание</label>
            <input id={`${id}-basis`} type="text" value={basis} onChange={(e) => setBasis(e.target.value)} />
          </div>
        </div>
      </CycleForm>
    </div>
  );
}
