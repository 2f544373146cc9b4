import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useSession } from '@/api/session';
import { Loading } from '@/components/feedback/Feedback';
import { homePath, safeNext } from '@/lib/access';
import { ApiError } from '@/lib/api-client';
import { useLogIn } from '../api/log-in';
import { usePageTitle } from '@/hooks/use-page-title';

/** The sign-in page: outside the app's layout, the only page a person without a session sees. */
export function LoginPage() {
  usePageTitle('Вход');
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <Loading height={320} label="Проверяем вход…" />;
  // Signed in (already, or just now): back where the person was headed, or to their start page.
  if (session.data) return <Navigate to={next ?? homePath(session.data)} replace />;

  return (
    <main className="login">
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
    </main>
  );
}

function LoginForm() {
  const loginId = useId();
  const passwordId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // After too_many_attempts the button waits as long as the server asks.
  const [secondsLeft, startWait] = useCountdown();
  const logIn = useLogIn();
  const loginInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setMissing(true);
      (login.trim() ? passwordInput : loginInput).current?.focus();
      return;
    }
    setMissing(false);
    logIn.mutate(
      { login: login.trim(), password },
      {
        onError: (error) => {
          // The button is shut while the request runs, which drops the focus onto the page:
          // back to the password, to type it again (the error above it is read out).
          passwordInput.current?.focus();
          if (!(error instanceof ApiError)) return;
          if (error.code === 'bad_credentials') setPassword('');
          if (error.code === 'too_many_attempts' && error.retryAfterSeconds)
            startWait(error.retryAfterSeconds);
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
          ref={loginInput}
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
          ref={passwordInput}
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
      <button type="submit" className="button" disabled={logIn.isPending || secondsLeft > 0}>
        {logIn.isPending ? 'Входим…' : secondsLeft > 0 ? `Войти через ${clock(secondsLeft)}` : 'Войти'}
      </button>
    </form>
  );
}

/** Why the sign-in failed, in the server's words, and what to do about it. */
function LoginError({ error }: { error: Error }) {
  if (!(error instanceof ApiError))
    return (
      <p className="alert" role="alert">
        Войти не удалось.
      </p>
    );
  return (
    <div className="alert" role="alert">
      {error.code === 'too_many_attempts' ? (
        <>
          <p className="alert__title">Слишком много неудачных попыток входа.</p>
          <p>
            {error.retryAfterSeconds
              ? `Повторите через ${duration(error.retryAfterSeconds)}.`
              : error.message}
          </p>
          <p>Если вы забыли пароль, обратитесь в комитет образования: там его сбросят.</p>
        </>
      ) : (
        <p>{error.message}</p>
      )}
      {error.code === 'bad_credentials' && (
        <p>Проверьте раскладку клавиатуры и Caps Lock и попробуйте ещё раз.</p>
      )}
      {error.code === 'no_connection' && <p>Проверьте подключение к сети и повторите.</p>}
    </div>
  );
}

/** Seconds left of a wait, counting down once a second; `start` begins a wait of so many seconds. */
function useCountdown(): [secondsLeft: number, start: (seconds: number) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const start = (seconds: number) => {
    const time = Date.now();
    setNow(time);
    setUntil(time + seconds * 1000);
  };
  return [until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)), start];
}

/** 90 → «1 мин 30 с», 120 → «2 мин», 45 → «45 с». */
function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return [minutes > 0 && `${minutes} мин`, rest > 0 && `${rest} с`].filter(Boolean).join(' ');
}

/** 90 → «1:30». */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
