import { useId, useState, type FormEvent } from 'react';
import {
  ORGANIZATION_TYPES,
  organizationsSheet,
  type OrganizationChange,
  type OrganizationFields,
  type OrganizationView,
  type PeriodView,
} from '@profmonitor/domain';
import { useCurrentUser } from '@/api/session';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { PastPeriodChanges, pastPeriodChanges } from '@/components/registry/PastPeriodChanges';
import { formatDateTime } from '@/lib/format';
import { organizationFieldLabel } from '@/lib/registry';
import { useOrganizationHistory } from '../api/get-organization-history';
import { useUpdateOrganization } from '../api/update-organization';

type Field = keyof OrganizationFields;

/** The fields in the registry sheet's order, with its headers and hints: one source for both. */
const FIELDS = organizationsSheet.columns
  .filter((column) => column.key !== 'code')
  .map((column) => ({ key: column.key as Field, label: column.header, hint: column.hint }));

/** Fields left empty mean «none» (short name) or «always» (periods). */
const OPTIONAL = new Set<Field>(['shortName', 'activeFrom', 'activeTo']);

type Draft = Record<Field, string>;

const draftOf = (organization: OrganizationView): Draft =>
  Object.fromEntries(FIELDS.map(({ key }) => [key, organization[key] ?? ''])) as Draft;

/** What the form changes: only the fields that differ, empty optional ones as null. */
function changeOf(organization: OrganizationView, draft: Draft): OrganizationChange {
  const change: Record<string, string | null> = {};
  for (const { key } of FIELDS) {
    const value = draft[key].trim();
    const next = value === '' && OPTIONAL.has(key) ? null : value;
    if (next !== organization[key]) change[key] = next;
  }
  return change as OrganizationChange;
}

type OrganizationEditorProps = { organization: OrganizationView; periods: PeriodView[] };

/** The committee (and the region) edits and retires an organization of the registry and sees its history. */
export function OrganizationEditor({ organization, periods }: OrganizationEditorProps) {
  const user = useCurrentUser();
  const update = useUpdateOrganization();
  if (user.role !== 'committee' && user.role !== 'region') return null;
  return (
    <section className="card" aria-labelledby="org-registry">
      <h2 id="org-registry">Реестр: данные организации</h2>
      {/* A saved change comes back as a new organization: the form starts again from it. */}
      <RegistryForm
        key={JSON.stringify(organization)}
        organization={organization}
        periods={periods}
        update={update}
      />
      <h3>История изменений</h3>
      <History code={organization.code} />
    </section>
  );
}

type RegistryFormProps = OrganizationEditorProps & { update: ReturnType<typeof useUpdateOrganization> };

function RegistryForm({ organization, periods, update }: RegistryFormProps) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(organization));
  const [unchanged, setUnchanged] = useState(false);
  const lastPeriod = periods.at(-1)?.code ?? null;

  function send(change: OrganizationChange) {
    setUnchanged(false);
    update.mutate({ code: organization.code, change });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const change = changeOf(organization, draft);
    if (Object.keys(change).length === 0) {
      update.reset();
      setUnchanged(true);
      return;
    }
    send(change);
  }

  function retire() {
    if (!lastPeriod) return;
    const asked = `Вывести «${organization.name}» из реестра? Она будет отчитываться по ${lastPeriod} включительно; за следующие годы её отчётов не ждут.`;
    if (window.confirm(asked)) send({ activeTo: lastPeriod });
  }

  const past = pastPeriodChanges(update.error);
  return (
    <form className="toolbar account-form" onSubmit={submit} noValidate>
      {FIELDS.map(({ key, label, hint }) => {
        const id = `${idPrefix}-${key}`;
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{label}</label>
            {key === 'type' ? (
              <select
                id={id}
                value={draft.type}
                onChange={(event) => setDraft({ ...draft, type: event.target.value })}
              >
                {ORGANIZATION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="text"
                value={draft[key]}
                placeholder={key === 'activeFrom' || key === 'activeTo' ? '2023/2024' : undefined}
                title={hint}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              />
            )}
          </div>
        );
      })}
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? 'Сохранение…' : 'Сохранить'}
      </button>
      {organization.activeTo === null && lastPeriod && (
        <button
          type="button"
          className="button button--secondary"
          onClick={retire}
          disabled={update.isPending}
        >
          Вывести из реестра
        </button>
      )}
      <p className="muted small form__message">
        Периоды — учебные годы вида 2023/2024; пустые «{organizationFieldLabel('activeFrom')}» и «
        {organizationFieldLabel('activeTo')}» — всегда. Пустое краткое наименование — графики покажут полное.
      </p>
      {past && update.variables && (
        <div className="form__message">
          <PastPeriodChanges
            periods={past}
            confirmLabel="Подтвердить изменение"
            pending={update.isPending}
            onConfirm={() => send({ ...update.variables!.change, confirm: true })}
            onCancel={() => {
              update.reset();
              setDraft(draftOf(organization));
            }}
          />
        </div>
      )}
      {update.isError && !past && (
        <p className="alert form__message" role="alert">
          Изменения не сохранены. {update.error.message}
        </p>
      )}
      {update.isSuccess && !unchanged && (
        <p className="notice notice--ok form__message" role="status">
          Изменения сохранены, показатели пересчитаны.
        </p>
      )}
      {unchanged && (
        <p className="notice form__message" role="status">
          Изменений нет: данные организации те же.
        </p>
      )}
    </form>
  );
}

/** Each changed field of each change, newest first. */
function History({ code }: { code: string }) {
  const history = useOrganizationHistory(code);
  if (history.isPending) return <Loading />;
  if (history.isError)
    return (
      <ErrorMessage error={history.error} what="историю изменений" retry={() => void history.refetch()} />
    );
  if (history.data.length === 0)
    return (
      <EmptyState>
        <p>Данные организации не менялись с тех пор, как она внесена в реестр.</p>
      </EmptyState>
    );
  const shown = (value: string | null) => value ?? '—';
  return (
    <TableWrap label="История изменений в реестре">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Дата</th>
            <th scope="col">Кто</th>
            <th scope="col">Поле</th>
            <th scope="col">Было → стало</th>
          </tr>
        </thead>
        <tbody>
          {history.data.flatMap((entry, i) =>
            entry.changes.map((change) => (
              <tr key={`${i}-${change.field}`}>
                <td>{formatDateTime(entry.at)}</td>
                <td>
                  {entry.by}
                  {entry.source === 'registry' && <span className="muted small"> (загрузка реестра)</span>}
                </td>
                <td>{organizationFieldLabel(change.field)}</td>
                <td>
                  {shown(change.before)} → {shown(change.after)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
