/** A sheet's or a workbook's version: the one in force, or an earlier one kept in the history. */
export function VersionState({ current }: { current: boolean }) {
  return current ? (
    <span className="badge badge--ok">действует</span>
  ) : (
    <span className="muted">прежняя</span>
  );
}
