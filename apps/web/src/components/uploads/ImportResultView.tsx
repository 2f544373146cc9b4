import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { ImportResult } from '@profmonitor/domain';
import { TableWrap } from '@/components/layout/Table';
import { formatDate, formatNumber } from '@/lib/format';
import { KIND_LABELS } from '@/lib/uploads';
import {
  issueRows,
  lockedRefusal,
  nextStep,
  resultHeadline,
  sheetState,
  warningsCaption,
  type IssueRow,
} from './import-result';

/** Long error lists (a column wrong in every row) are cut: the first ones show what to fix. */
const SHOWN_ISSUES = 500;

type ImportResultViewProps = {
  result: ImportResult;
  /** The server's own words when it refused the file (403, 413, 422), if they add anything. */
  message?: string | null;
  /** A link to the upload's own page (not on that page itself). */
  linkToUpload?: boolean;
};

/**
 * What became of a file, at once: the outcome and what to do, the file's own errors first and
 * prominent, each sheet accepted or rejected with its rows, then every error by sheet, row
 * and column, and the warnings apart.
 */
export function ImportResultView({ result, message, linkToUpload = true }: ImportResultViewProps) {
  const headline = resultHeadline(result);
  // The file's own errors stand in the alert above the tables, not again in them.
  const errors = issueRows(result, 'errors').filter((issue) => issue.sheet !== null);
  const warnings = issueRows(result, 'warnings');
  // The server's message adds something only when the result does not explain itself: its
  // generic words for a file with errors would repeat the advice below.
  const extraMessage = message && issueRows(result, 'errors').length === 0 ? message : null;
  return (
    <div className="import-result">
      <div className={`result-banner result-banner--${headline.tone}`} role="status">
        <p className="result-banner__title">{headline.title}</p>
        <p>
          {result.file}
          {result.kind && ` · ${KIND_LABELS[result.kind]}`}
          {result.organization && ` · ${result.organization}`}
          {result.period && ` · ${result.period}`}
          {result.territory && ` · ${result.territory}`}
          {result.asOf && ` · на ${formatDate(result.asOf)}`}
        </p>
        {extraMessage && <p className="result-banner__message">{extraMessage}</p>}
        <p>{nextStep(result)}</p>
        {result.duplicateOf !== undefined && (
          <p>
            Те же данные загружены раньше:{' '}
            <Link to={`/uploads/${result.duplicateOf}`}>загрузка № {result.duplicateOf}</Link>.
          </p>
        )}
        {linkToUpload && result.uploadId !== undefined && (
          <p>
            <Link to={`/uploads/${result.uploadId}`}>Загрузка № {result.uploadId}</Link> записана в журнал
            загрузок.
          </p>
        )}
      </div>
      {result.errors.length > 0 && (
        <div className="alert file-errors" role="alert">
          <p className="alert__title">
            {lockedRefusal(result) ? 'Почему файл не загружен' : 'Ошибки файла: из него ничего не сохранено.'}
          </p>
          <ul>
            {result.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result.sheets.length > 0 && <SheetsTable result={result} />}
      {errors.length > 0 && (
        <IssuesTable
          title="Ошибки"
          caption="Лист с ошибкой не принимается целиком: ни одна его строка не сохраняется."
          issues={errors}
          tone="error"
        />
      )}
      {warnings.length > 0 && (
        <IssuesTable
          title="Предупреждения"
          caption={warningsCaption(result)}
          issues={warnings}
          tone="warning"
        />
      )}
    </div>
  );
}

function SheetsTable({ result }: { result: ImportResult }) {
  return (
    <TableWrap label="Листы файла">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Лист</th>
            <th scope="col">Результат</th>
            <th scope="col" className="num">
              Строк
            </th>
            <th scope="col" className="num">
              Ошибок
            </th>
            <th scope="col" className="num">
              Предупреждений
            </th>
          </tr>
        </thead>
        <tbody>
          {result.sheets.map((sheet) => (
            <tr key={sheet.sheet}>
              <th scope="row">{sheet.sheet}</th>
              <td>
                <SheetBadge state={sheetState(sheet, result.outcome)} />
              </td>
              <td className="num">{formatNumber(sheet.rows)}</td>
              <td className="num">{formatNumber(sheet.errors.length)}</td>
              <td className="num">{formatNumber(sheet.warnings.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const SHEET_BADGES = {
  accepted: { tone: 'ok', label: 'принят' },
  rejected: { tone: 'fail', label: 'отклонён' },
  'not-stored': { tone: 'nodata', label: 'не сохранён' },
} as const;

function SheetBadge({ state }: { state: ReturnType<typeof sheetState> }) {
  const { tone, label } = SHEET_BADGES[state];
  return <span className={`badge badge--${tone}`}>{label}</span>;
}

type IssuesTableProps = { title: string; caption: string; issues: IssueRow[]; tone: 'error' | 'warning' };

function IssuesTable({ title, caption, issues, tone }: IssuesTableProps) {
  const headingId = useId();
  const shown = issues.slice(0, SHOWN_ISSUES);
  return (
    <section className={`issues issues--${tone}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}: {formatNumber(issues.length)}
      </h3>
      <p className="muted small">{caption}</p>
      <TableWrap label={`${title} по листам, строкам и столбцам`}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Лист</th>
              <th scope="col" className="num">
                Строка
              </th>
              <th scope="col">Столбец</th>
              <th scope="col">{tone === 'error' ? 'Ошибка' : 'Предупреждение'}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, index) => (
              <tr key={index}>
                <td>{issue.sheet ?? <span className="muted">весь файл</span>}</td>
                <td className="num">{issue.row ?? '—'}</td>
                <td>{issue.column ?? '—'}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {issues.length > shown.length && (
        <p className="muted small">
          Показаны первые {formatNumber(shown.length)} из {formatNumber(issues.length)}; исправьте их —
          остальные будут видны при следующей загрузке.
        </p>
      )}
    </section>
  );
}
