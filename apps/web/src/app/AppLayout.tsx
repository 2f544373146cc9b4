import { Link, NavLink, Outlet } from 'react-router-dom';

const navItems = [{ to: '/status', label: 'Состояние системы' }];

export function AppLayout() {
  return (
    <div className="layout">
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            ПрофМонитор
          </Link>
          <nav className="nav" aria-label="Разделы">
            {navItems.map((item) => (
              <NavLink key={item.to} to={item.to} className="nav__link">
                {item.label}
              </NavLink>
            ))}
          </nav>
        </div>
      </header>
      <main className="main">
        <Outlet />
      </main>
    </div>
  );
}
