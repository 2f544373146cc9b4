import { useId, useState, type FormEvent } from 'react';
import { areaByCode, AREAS, normalizeName, type ProfessionMappingView } from '@profmonitor/domain';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { formatNumber } from '@/lib/format';
import { useAddProfession } from '../api/add-profession';
import { useProfessions } from '../api/get-professions';

/**
 * The profession → area mapping: a vacancy row with a profession or an ОКПДТР code but no area
 * takes its area from here, and a row the mapping does not know is an error naming the
 * profession. The committee adds the lines that are missing.
 */
export function ProfessionMapping() {
  const professions = useProfessions();
  return (
    <section className="card" aria-labelledby="professions-title">
      <h2 id="professions-title">Справочник профессий</h2>
      <p className="muted small">
        Если в книге вакансий указана только профессия или код ОКПДТР, область берётся отсюда. Профессию,
        которой нет в справочнике, добавьте — и загрузите книгу снова.
      </p>
      <AddProfessionForm />
      {professions.isPending ? (
        <Loading />
      ) : professions.isError ? (
        <ErrorMessage
          error={professions.error}
          what="справочник профессий"
          retry={() => void professions.refetch()}
        />
      ) : (
        <ProfessionsTable lines={professions.data} />
      )}
    </section>
  );
}

function AddProfessionForm() {
  const ids = { profession: useId(), okpdtr: useId(), area: useId() };
  const [profession, setProfession] = useState('');
  const [okpdtr, setOkpdtr] = useState('');
  const [area, setArea] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const add = useAddProfession();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem =
      !profession.trim() && !okpdtr.trim()
        ? 'Укажите профессию, код ОКПДТР или оба.'
        : !area
          ? 'Выберите область профессиональной деятельности.'
          : null;
    setInputError(problem);
    if (problem) return;
    add.mutate(
      { profession: profession.trim() || undefined, okpdtr: okpdtr.trim() || undefined, area },
      {
        onSuccess: () => {
          setProfession('');
          setOkpdtr('');
        },
      },
    );
  }

  const error = inputError ?? (add.isError ? add.error.message : null);
  return (
    <form className="toolbar profession-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.profession}>Профессия</label>
        <input
          id={ids.profession}
          type="text"
          value={profession}
          onChange={(event) => setProfession(event.target.value)}
          placeholder="например, продавец-консультант"
          disabled={add.isPending}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.okpdtr}>Код ОКПДТР</label>
        <input
          id={ids.okpdtr}
          type="text"
          inputMode="numeric"
          size={7}
          value={okpdtr}
          onChange={(event) => setOkpdtr(event.target.value)}
          disabled={add.isPending}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.area}>Область</label>
        <select
          id={ids.area}
          value={area}
          onChange={(event) => setArea(event.target.value)}
          disabled={add.isPending}
        >
          <option value="">— выберите —</option>
          {AREAS.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code} · {a.shortName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Добавление…' : 'Добавить'}
      </button>
      {error !== null && (
        <p className="alert form__message" role="alert">
          Строка не добавлена. {error}
        </p>
      )}
      {add.isSuccess && !error && (
        <p className="notice notice--ok form__message" role="status">
          Добавлено: {add.data.profession ?? add.data.okpdtr} →{' '}
          {areaByCode(add.data.area)?.shortName ?? add.data.areaName}.
        </p>
      )}
    </form>
  );
}

function ProfessionsTable({ lines }: { lines: ProfessionMappingView[] }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const needle = normalizeName(query);
  const shown = needle
    ? lines.filter((line) =>
        [line.profession, line.okpdtr, line.areaName].some(
          (text) => text && normalizeName(text).includes(needle),
        ),
      )
    : lines;
  return (
    <>
      <div className="field field--inline">
        <label htmlFor={id}>Найти</label>
        <input id={id} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        <span className="muted small">
          {formatNumber(shown.length)} из {formatNumber(lines.length)}
        </span>
      </div>
      <TableWrap label="Строки справочника профессий" wide>
        <table className="table table--compact table--scroll">
          <thead>
            <tr>
              <th scope="col">Профессия</th>
              <th scope="col">ОКПДТР</th>
              <th scope="col">Область</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line.id}>
                <td>{line.profession ?? '—'}</td>
                <td>{line.okpdtr ?? '—'}</td>
                <td title={line.areaName}>
                  {line.area} · {areaByCode(line.area)?.shortName ?? line.areaName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
