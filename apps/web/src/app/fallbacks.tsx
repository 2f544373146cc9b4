import { Link } from 'react-router-dom';
import { Loading } from '@/components/feedback/Feedback';
import { usePageTitle } from '@/hooks/use-page-title';

/** About the height of a page's first screen below the header. */
const PAGE_PLACEHOLDER_HEIGHT = 480;

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

/**
 * While a page's code arrives: a placeholder the size of a page's first screen, so that the
 * footer does not jump up and back down.
 */
export function PageFallback() {
  return (
    <section className="page">
      <Loading height={PAGE_PLACEHOLDER_HEIGHT} label="Загрузка страницы…" />
    </section>
  );
}
