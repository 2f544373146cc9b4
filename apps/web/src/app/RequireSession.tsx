import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useCurrentUser, useSession, useSessionExpiry } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { canUse, sectionAudience, type Section } from '@/lib/access';
import { toQueryString } from '@/lib/api-client';

/**
 * Renders its pages only for a signed-in person; anyone else goes to the sign-in page, which
 * brings them back here afterwards. A 401 from any later call ends the session the same way.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  useSessionExpiry();
  const session = useSession();
  const { pathname, search } = useLocation();

  if (session.isPending) return <Loading height={320} label="Проверяем вход…" />;
  if (session.isError) {
    return (
      <main className="main">
        <ErrorMessage error={session.error} what="сведения о входе" retry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    const next = pathname === '/' && !search ? undefined : pathname + search;
    return <Navigate to={{ pathname: '/login', search: toQueryString({ next }) }} replace />;
  }
  return children;
}

/** A section the person's role is not offered: say so instead of a page of refusals. */
export function RequireSection({ section, children }: { section: Section; children: ReactNode }) {
  const user = useCurrentUser();
  if (canUse(user, section)) return children;
  return (
    <section className="page">
      <h1>Нет доступа</h1>
      <p className="alert" role="alert">
        Этот раздел доступен только {sectionAudience(section)}. Если он вам нужен, обратитесь в комитет
        образования.
      </p>
    </section>
  );
}
