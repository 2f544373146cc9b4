import { Link, NavLink, Outlet } from 'react-router-dom';
import { useCurrentUser } from '@/api/session';
import { PeriodSelect } from '@/components/layout/PeriodSelect';
import { useLogOut } from '@/features/auth/api/log-out';
import { usePeriodLink } from '@/hooks/use-search-param';
import { homePath, ROLE_LABELS } from '@/lib/access';
import { navItems } from './navigation';

export function AppLayout() {
  // Moving between sections keeps the period; the organization is a page's own choice.
  const linkTo = usePeriodLink();
  const user = useCurrentUser();
  return (
    <div className="layout">
      <header className="header">
        <div className="header__inner">
          <Link to={linkTo(homePath(user))} className="brand">
            ПрофМонитор
          </Link>
          <nav className="nav" aria-label="Разделы">
            {navItems(user).map((item) => (
              <NavLink key={item.to} to={linkTo(item.to)} className="nav__link">
                {item.label}
              </NavLink>
            ))}
          </nav>
          <PeriodSelect />
          <UserMenu />
        </div>
      </header>
      <main className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <span>ПрофМонитор — мониторинг профориентации обучающихся</span>
          <Link to="/status">Состояние системы</Link>
        </div>
      </footer>
    </div>
  );
}

/** Who is signed in (login and organization or role), the password page, and signing out. */
function UserMenu() {
  const user = useCurrentUser();
  const logOut = useLogOut();
  return (
    <div className="user-menu">
      <span className="user-menu__who" title={ROLE_LABELS[user.role]}>
        <strong>{user.login}</strong>
        <span className="user-menu__org">{user.organizationName ?? ROLE_LABELS[user.role]}</span>
      </span>
      <Link to="/password" className="user-menu__link">
        Пароль
      </Link>
      <button
        type="button"
        className="user-menu__button"
        onClick={() => logOut.mutate()}
        disabled={logOut.isPending}
      >
        Выйти
      </button>
      {logOut.isError && (
        <span className="user-menu__error" role="alert">
          Не удалось выйти: {logOut.error.message}
        </span>
      )}
    </div>
  );
}
