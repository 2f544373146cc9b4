import { Link, NavLink, Outlet } from 'react-router-dom';
import { PeriodSelect } from '@/components/layout/PeriodSelect';
import { usePeriodLink } from '@/hooks/use-search-param';

const navItems = [
  { to: '/overview', label: 'Обзор' },
  { to: '/indicators', label: 'Показатели' },
  { to: '/organizations', label: 'Организации' },
  { to: '/destinations', label: 'Выпускники' },
];

export function AppLayout() {
  // Moving between sections keeps the period; the organization is a page's own choice.
  const linkTo = usePeriodLink();
  return (
    <div className="layout">
      <header className="header">
        <div className="header__inner">
          <Link to={linkTo('/overview')} className="brand">
            ПрофМонитор
          </Link>
          <nav className="nav" aria-label="Разделы">
            {navItems.map((item) => (
              <NavLink key={item.to} to={linkTo(item.to)} className="nav__link">
                {item.label}
              </NavLink>
            ))}
          </nav>
          <PeriodSelect />
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
