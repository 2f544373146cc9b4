import { useId, useState, type FormEvent } from 'react';
import { useCurrentUser } from '@/api/session';
import { useChangePassword } from '../api/change-password';
import { usePageTitle } from '@/hooks/use-page-title';

/** The signed-in person changes their own password. */
export function PasswordPage() {
  usePageTitle('Смена пароля');
  const user = useCurrentUser();
  return (
    <section className="page page--narrow">
      <h1>Смена пароля</h1>
      <p className="muted">
        Учётная запись <strong>{user.login}</strong>. После смены пароля входите с новым паролем.
      </p>
      <PasswordForm />
    </section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const change = useChangePassword();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = !current
      ? 'Введите текущий пароль.'
      : !next
        ? 'Введите новый пароль.'
        : next !== repeat
          ? 'Новый пароль и повтор не совпадают.'
          : next === current
            ? 'Новый пароль совпадает с текущим.'
            : null;
    setInputError(problem);
    if (problem) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  }

  const error = inputError ?? (change.isError ? change.error.message : null);
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <PasswordField
        label="Текущий пароль"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField label="Новый пароль" autoComplete="new-password" value={next} onChange={setNext} />
      <PasswordField
        label="Новый пароль ещё раз"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      {error !== null && (
        <p className="alert form__message" role="alert">
          Пароль не изменён. {error}
        </p>
      )}
      {change.isSuccess && inputError === null && (
        <p className="notice notice--ok" role="status">
          Пароль изменён.
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? 'Сохранение…' : 'Сменить пароль'}
        </button>
      </div>
    </form>
  );
}

type PasswordFieldProps = {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
};

function PasswordField({ label, autoComplete, value, onChange }: PasswordFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
