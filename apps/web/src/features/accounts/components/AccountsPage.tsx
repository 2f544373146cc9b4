import { useId, useState, type FormEvent } from 'react';
import type { AccountView, Role } from '@profmonitor/domain';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { TableWrap } from '@/components/layout/Table';
import { ROLE_LABELS, ROLES } from '@/lib/access';
import { municipalitiesOf, severalMunicipalities } from '@/lib/levels';
import { formatDate } from '@/lib/format';
import { useCreateAccount } from '../api/create-account';
import { useAccounts } from '../api/get-accounts';
import { useUpdateAccount, type AccountChange } from '../api/update-account';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../model';
import { usePageTitle } from '@/hooks/use-page-title';

const PASSWORD_RULE = `Пароль — не короче ${MIN_PASSWORD_LENGTH} символов.`;

/** The committee manages who may sign in: create, deactivate and reactivate, reset passwords. */
export function AccountsPage() {
  usePageTitle('Учётные записи');
  return (
    <section className="page">
      <h1>Учётные записи</h1>
      <section className="card" aria-labelledby="new-account-title">
        <h2 id="new-account-title">Новая учётная запись</h2>
        <CreateAccountForm />
      </section>
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Все учётные записи</h2>
        <AccountsTable />
      </section>
    </section>
  );
}

function CreateAccountForm() {
  const ids = {
    login: useId(),
    password: useId(),
    role: useId(),
    organization: useId(),
    municipality: useId(),
    email: useId(),
  };
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('school');
  const [organization, setOrganization] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [email, setEmail] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const organizations = useOrganizations();
  const create = useCreateAccount();
  // The municipalities the account may bind to: only asked when there are several to choose from
  // (a municipality's committee sees its own alone, and the server binds new accounts to it).
  const municipalities = municipalitiesOf(organizations.data);
  const bindsMunicipality = (role === 'committee' || role === 'employment') && municipalities.length > 1;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = !login.trim()
      ? 'Укажите логин.'
      : password.length < MIN_PASSWORD_LENGTH
        ? PASSWORD_RULE
        : role === 'school' && !organization
          ? 'Выберите организацию: учётная запись школы привязана к ней.'
          : role === 'committee' && bindsMunicipality && !municipality
            ? 'Выберите муниципалитет: в реестре их несколько, комитет работает с одним.'
            : null;
    setInputError(problem);
    if (problem) return;
    create.mutate(
      {
        login: login.trim(),
        password,
        role,
        organization: role === 'school' ? organization : undefined,
        municipality: bindsMunicipality && municipality ? municipality : undefined,
        email: email.trim() || undefined,
      },
      {
        onSuccess: () => {
          setLogin('');
          setPassword('');
          setEmail('');
        },
      },
    );
  }

  const error = inputError ?? (create.isError ? create.error.message : null);
  const sorted = [...(organizations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <form className="toolbar account-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.login}>Логин</label>
        <input
          id={ids.login}
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>Пароль</label>
        <div className="input-with-button">
          <input
            id={ids.password}
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setPassword(generatePassword())}
          >
            Придумать
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.role}>Роль</label>
        <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {role === 'school' && (
        <div className="field">
          <label htmlFor={ids.organization}>Организация</label>
          <select
            id={ids.organization}
            value={organization}
            onChange={(event) => setOrganization(event.target.value)}
          >
            <option value="">— выберите —</option>
            {sorted.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name} ({o.code})
              </option>
            ))}
          </select>
        </div>
      )}
      {bindsMunicipality && (
        <div className="field">
          <label htmlFor={ids.municipality}>Муниципалитет</label>
          <select
            id={ids.municipality}
            value={municipality}
            onChange={(event) => setMunicipality(event.target.value)}
          >
            <option value="">{role === 'employment' ? 'весь регион' : '— выберите —'}</option>
            {municipalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.email}>Эл. почта (для напоминаний)</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? 'Создание…' : 'Создать'}
      </button>
      {error !== null && (
        <p className="alert form__message" role="alert">
          Учётная запись не создана. {error}
        </p>
      )}
      {create.isSuccess && error === null && (
        <p className="notice notice--ok form__message" role="status">
          Учётная запись <strong>{create.data.login}</strong> создана. Передайте пароль владельцу лично, не по
          электронной почте.
        </p>
      )}
    </form>
  );
}

function AccountsTable() {
  const accounts = useAccounts();
  const organizations = useOrganizations();
  const names = namesByCode(organizations.data);
  if (accounts.isPending) return <Loading />;
  if (accounts.isError)
    return (
      <ErrorMessage error={accounts.error} what="учётные записи" retry={() => void accounts.refetch()} />
    );
  if (accounts.data.length === 0) return <EmptyState>Учётных записей пока нет.</EmptyState>;
  const sorted = [...accounts.data].sort((a, b) => a.login.localeCompare(b.login, 'ru'));
  return (
    <TableWrap label="Учётные записи">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Логин</th>
            <th scope="col">Роль</th>
            <th scope="col">Организация</th>
            <th scope="col">Состояние</th>
            <th scope="col">Действия</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              organizationName={account.organization ? names.get(account.organization) : undefined}
            />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

type AccountRowProps = { account: AccountView; organizationName: string | undefined };

function AccountRow({ account, organizationName }: AccountRowProps) {
  const user = useCurrentUser();
  const update = useUpdateAccount();
  const [resetting, setResetting] = useState(false);
  const [editingEmail, setEditingEmail] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const self = account.login === user.login;

  const setActive = (active: boolean) =>
    update.mutate(
      { id: account.id, change: { active } },
      { onSuccess: () => setDone(active ? 'Учётная запись включена.' : 'Учётная запись отключена.') },
    );

  return (
    <tr className={account.active ? undefined : 'row--inactive'}>
      <th scope="row">
        {account.login}
        {self && <span className="tag">это вы</span>}
        {/* Where its reminders go: under the login, a column of its own would not fit a tablet. */}
        <div className="muted small">
          <span className="visually-hidden">Эл. почта: </span>
          {account.email ?? 'без почты'}
        </div>
      </th>
      <td>
        {ROLE_LABELS[account.role] ?? account.role}
        {/* Whose, under the role: a column of its own would not fit a tablet. */}
        {severalMunicipalities(user) && (
          <div className="muted small">
            <span className="visually-hidden">Муниципалитет: </span>
            {account.municipality ?? (account.role === 'employment' ? 'весь регион' : 'все муниципалитеты')}
          </div>
        )}
      </td>
      <td>
        {account.organization ? (
          <>
            {organizationName ?? account.organization}{' '}
            <span className="muted small">{account.organization}</span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <span className={`badge badge--${account.active ? 'ok' : 'nodata'}`}>
          {account.active ? 'активна' : 'отключена'}
        </span>
        <div className="muted small">создана {formatDate(account.createdAt)}</div>
      </td>
      <td>
        <div className="row-actions">
          {account.active ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setActive(false)}
              disabled={update.isPending || self}
              title={self ? 'Свою учётную запись отключить нельзя' : undefined}
            >
              Отключить
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setActive(true)}
              disabled={update.isPending}
            >
              Включить
            </button>
          )}
          {!resetting && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setResetting(true);
                setDone(null);
              }}
            >
              Новый пароль
            </button>
          )}
          {!editingEmail && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setEditingEmail(true);
                setDone(null);
              }}
            >
              Почта
            </button>
          )}
        </div>
        {resetting && (
          <ResetPasswordForm
            account={account}
            onDone={(message) => {
              setResetting(false);
              setDone(message);
            }}
          />
        )}
        {editingEmail && (
          <EmailForm
            account={account}
            onDone={(message) => {
              setEditingEmail(false);
              setDone(message);
            }}
          />
        )}
        {update.isError && (
          <p className="alert small" role="alert">
            {update.error.message}
          </p>
        )}
        {done && (
          <p className="muted small" role="status">
            {done}
          </p>
        )}
      </td>
    </tr>
  );
}

/** A new password for an account, offered ready-made. */
function ResetPasswordForm({ account, onDone }: EditFormProps) {
  return (
    <AccountFieldForm
      account={account}
      onDone={onDone}
      label={`Новый пароль для ${account.login}`}
      initial={generatePassword}
      input={{ type: 'text', autoComplete: 'new-password' }}
      change={(password) => (password.length < MIN_PASSWORD_LENGTH ? PASSWORD_RULE : { password })}
      done={({ password }) => `Пароль для ${account.login} изменён: ${password}. Передайте его лично.`}
      refused="Пароль не изменён."
    />
  );
}

/** The address an account's reminders are e-mailed to; emptied, it has none. */
function EmailForm({ account, onDone }: EditFormProps) {
  return (
    <AccountFieldForm
      account={account}
      onDone={onDone}
      label={`Эл. почта для ${account.login}`}
      initial={() => account.email ?? ''}
      input={{ type: 'email', autoComplete: 'off' }}
      change={(email) => ({ email: email.trim() || null })}
      done={({ email }) =>
        email
          ? `Напоминания для ${account.login} уходят на ${email}.`
          : `У ${account.login} больше нет почты: напоминания только в приложении.`
      }
      refused="Почта не изменена."
    />
  );
}

type EditFormProps = { account: AccountView; onDone: (message: string | null) => void };

/** One field of an account edited under its row: saved, or cancelled; the refusal said in the form. */
function AccountFieldForm({
  account,
  onDone,
  label,
  initial,
  input,
  change,
  done,
  refused,
}: EditFormProps & {
  label: string;
  initial: () => string;
  input: { type: 'text' | 'email'; autoComplete: string };
  /** The change to send, or what is wrong with the value. */
  change: (value: string) => AccountChange | string;
  /** What the row says once it is saved. */
  done: (change: AccountChange) => string;
  /** The refusal's first words. */
  refused: string;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [inputError, setInputError] = useState<string | null>(null);
  const update = useUpdateAccount();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = change(value);
    setInputError(typeof wanted === 'string' ? wanted : null);
    if (typeof wanted === 'string') return;
    update.mutate({ id: account.id, change: wanted }, { onSuccess: () => onDone(done(wanted)) });
  }

  const error = inputError ?? (update.isError ? update.error.message : null);
  return (
    <form className="reset-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id}
          type={input.type}
          spellCheck={false}
          autoComplete={input.autoComplete}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={update.isPending}>
          Сохранить
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          Отмена
        </button>
      </div>
      {error && (
        <p className="alert small" role="alert">
          {refused} {error}
        </p>
      )}
    </form>
  );
}
