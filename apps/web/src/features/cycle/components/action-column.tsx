import type { Column } from '@/components/table/DataTable';

type ActionColumn<Row> = {
  id: string;
  header: string;
  /** The button's words in the row: «Изменить», «Открыть». */
  text: (row: Row) => string;
  /** What it does to which row, for a screen reader: «Изменить анализ: Охват …». */
  label: (row: Row) => string;
  onClick: (row: Row) => void;
};

/** A column of one button a row (not sorted, not exported): open or edit what the row is. */
export function actionColumn<Row>({ id, header, text, label, onClick }: ActionColumn<Row>): Column<Row> {
  return {
    id,
    header,
    kind: 'text',
    sortable: false,
    value: () => null,
    render: (row) => (
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={label(row)}
        onClick={() => onClick(row)}
      >
        {text(row)}
      </button>
    ),
  };
}
