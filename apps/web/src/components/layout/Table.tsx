import type { ReactNode } from 'react';

type TableWrapProps = {
  children: ReactNode;
  label: string;
  /**
   * Its columns are many by nature (a log, a list of files): on a tablet it scrolls sideways,
   * its first column staying in place. Any other table fits a 768 px screen; the browser suite
   * holds every page to that.
   */
  wide?: boolean;
};

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function TableWrap({ children, label, wide = false }: TableWrapProps) {
  return (
    <div
      className={wide ? 'table-wrap table-wrap--wide' : 'table-wrap'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
