import { Link } from 'react-router-dom';
import { usePageTitle } from '@/hooks/use-page-title';

export function NotFoundPage() {
  usePageTitle('Страница не найдена');
  return (
    <section className="page">
      <h1>Страница не найдена</h1>
      <p>
        Проверьте адрес или вернитесь <Link to="/">на главную</Link>.
      </p>
    </section>
  );
}

/** Shown inside the layout when a page fails to render, instead of the router's English default. */
export function RouteErrorPage() {
  usePageTitle('Ошибка на странице');
  return (
    <section className="page">
      <h1>Что-то пошло не так</h1>
      <p className="alert" role="alert">
        Страницу не удалось показать. Обновите её; если ошибка повторится, сообщите администратору.
      </p>
    </section>
  );
}
