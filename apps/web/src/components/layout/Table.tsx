import type { ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function TableWrap({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
