import { useId, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useSession } from '@/api/session';
import { Loading } from '@/components/feedback/Feedback';
import { homePath, safeNext } from '@/lib/access';
import { ApiError } from '@/lib/api-client';
import { useLogIn } from '../api/log-in';

/** The sign-in page: outside the app's layout, the only page a person without a session sees. */
export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <Loading height={320} label="Проверяем вход…" />;
  // Signed in (already, or just now): back where the person was headed, or to their start page.
  if (session.data) return <Navigate to={next ?? homePath(session.data)} replace />;

  return (
    <div className="login">
      <section className="login__card card" aria-labelledby="login-title">
        <p className="login__brand">ПрофМонитор</p>
        <h1 id="login-title">Вход</h1>
        {next && <p className="muted small">Войдите, чтобы открыть эту страницу.</p>}
        <LoginForm />
        <p className="muted small">
          Учётные записи выдаёт комитет образования. Если вы забыли пароль, обратитесь в комитет: там его
          сбросят.
        </p>
      </section>
    </div>
  );
}

function LoginForm() {
  const loginId = useId();
  const passwordId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const logIn = useLogIn();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    logIn.mutate(
      { login: login.trim(), password },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) setPassword('');
        },
      },
    );
  }

  return (
    <form className="login__form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={loginId}>Логин</label>
        <input
          id={loginId}
          type="text"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          aria-invalid={missing && !login.trim()}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>Пароль</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={missing && !password}
          required
        />
      </div>
      {missing && (
        <p className="alert" role="alert">
          Введите логин и пароль.
        </p>
      )}
      {logIn.isError && <LoginError error={logIn.error} />}
      <button type="submit" className="button" disabled={logIn.isPending}>
        {logIn.isPending ? 'Входим…' : 'Войти'}
      </button>
    </form>
  );
}

/** Why the sign-in failed, in the server's words, and what to do about it. */
function LoginError({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : -1;
  return (
    <div className="alert" role="alert">
      {status === 429 && <p className="alert__title">Слишком много попыток входа.</p>}
      <p>{error instanceof ApiError ? error.message : 'Войти не удалось.'}</p>
      {status === 401 && <p>Проверьте раскладку клавиатуры и Caps Lock и попробуйте ещё раз.</p>}
      {status === 0 && <p>Проверьте подключение к сети и повторите.</p>}
    </div>
  );
}
