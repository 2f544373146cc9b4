import { useId, useState, type ReactNode } from 'react';
import { WORKBOOK_FILE_TYPES, type SessionUserView } from '@profmonitor/domain';
import { apiUrl } from '@/lib/api-client';
import { useUploadWorkbook } from '@/api/upload-workbook';
import { formatFileSize, TEMPLATE_LABELS, type TemplateKind } from '@/lib/uploads';
import { PastPeriodChanges, pastPeriodChanges } from '@/components/registry/PastPeriodChanges';
import { DropZone } from './DropZone';
import { lockedRefusal, resultFromError } from './import-result';
import { ImportResultView } from './ImportResultView';
import { ReceivedAtOption, receivedAtText } from './ReceivedAtOption';
import { UploadReasonForm } from './UploadReasonForm';
import './upload-panel.css';

/** What each role sends: a school its report, the employment center vacancies, the committee anything. */
export function kindsFor(user: Pick<SessionUserView, 'role'>): TemplateKind[] {
  switch (user.role) {
    case 'school':
      return ['school'];
    case 'employment':
      return ['vacancies'];
    case 'region':
    case 'committee':
      return ['school', 'vacancies', 'registry'];
  }
}

/**
 * Who may say more of an upload than the file (POST /api/uploads?reason=&receivedAt=): the
 * committee and the region, never a school or the employment center.
 */
export const givesUploadOptions = (user: Pick<SessionUserView, 'role'>): boolean =>
  user.role === 'committee' || user.role === 'region';

/** The accepted formats, from the one table the server's reader follows too. */
const FORMATS_HINT = `Подходят книги Excel и OpenDocument: ${WORKBOOK_FILE_TYPES.map(
  (type) => `${type.extension} (${type.label.charAt(0).toLowerCase()}${type.label.slice(1)})`,
).join(', ')}. Файл, сохранённый в Excel, LibreOffice или МойОфис, подойдёт как есть.`;

type UploadPanelProps = {
  user: SessionUserView;
  /** What this page takes, when less than the role may send (the demand page: vacancies only). */
  only?: TemplateKind;
  title?: string;
  /** Said beside the drop zone before anything is sent: the periods a school's upload is refused for. */
  notice?: ReactNode;
};

/** Template, drop zone, progress and the result of the file just sent. */
export function UploadPanel({ user, only, title = 'Загрузить файл', notice }: UploadPanelProps) {
  const kinds = only && kindsFor(user).includes(only) ? [only] : kindsFor(user);
  const [kind, setKind] = useState<TemplateKind>(kinds[0]);
  const [receivedAt, setReceivedAt] = useState('');
  const upload = useUploadWorkbook();
  const formatsId = useId();
  // An archive's time goes with reports and vacancies; the registry has no upload log entry of its own.
  const archive = givesUploadOptions(user) && kind !== 'registry';

  return (
    <section className="card upload-panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{title}</h2>
      {kinds.length > 1 && (
        <KindPicker kinds={kinds} kind={kind} onChange={setKind} disabled={upload.isPending} />
      )}
      <ol className="steps">
        <li>
          <p>
            Скачайте шаблон «{TEMPLATE_LABELS[kind]}» и заполните его: в нём подсказки и списки значений, а на
            листе «Инструкция» — правила.
            {user.role === 'school' &&
              kind === 'school' &&
              ' Код вашей организации и учебный год уже вписаны на листе «Титул» — проверьте их.'}
          </p>
          <a className="button button--secondary" href={apiUrl(`/templates/${kind}`)} download>
            Скачать шаблон (.xlsx)
          </a>
        </li>
        <li>
          <p>Загрузите заполненный файл: он проверяется сразу, ошибки будут показаны здесь же.</p>
          <p className="muted small" id={formatsId}>
            {FORMATS_HINT}
          </p>
          {notice}
          {archive && (
            <ReceivedAtOption value={receivedAt} onChange={setReceivedAt} disabled={upload.isPending} />
          )}
          <DropZone
            label={`Файл: ${TEMPLATE_LABELS[kind]}`}
            describedBy={formatsId}
            disabled={upload.isPending}
            onFile={(file) =>
              upload.mutate({ file, kind, receivedAt: archive && receivedAt ? receivedAt : undefined })
            }
          />
        </li>
      </ol>
      <UploadState upload={upload} mayGiveReason={givesUploadOptions(user)} />
    </section>
  );
}

type KindPickerProps = {
  kinds: TemplateKind[];
  kind: TemplateKind;
  onChange: (kind: TemplateKind) => void;
  disabled: boolean;
};

function KindPicker({ kinds, kind, onChange, disabled }: KindPickerProps) {
  const name = useId();
  return (
    <fieldset className="kind-picker" disabled={disabled}>
      <legend>Что загружаете</legend>
      {kinds.map((k) => (
        <label key={k}>
          <input type="radio" name={name} value={k} checked={k === kind} onChange={() => onChange(k)} />{' '}
          {TEMPLATE_LABELS[k]}
        </label>
      ))}
    </fieldset>
  );
}

type UploadStateProps = {
  upload: ReturnType<typeof useUploadWorkbook>;
  /** The committee may upload into an accepted report or a closed campaign with a reason. */
  mayGiveReason: boolean;
};

function UploadState({ upload, mayGiveReason }: UploadStateProps) {
  const file = upload.variables?.file;
  if (upload.isIdle || !file) return null;

  if (upload.isPending) {
    if (upload.checking) {
      return (
        <div className="upload-progress" role="status">
          <p>
            <strong>Проверяем файл «{file.name}»…</strong> Большой отчёт проверяется до минуты; не закрывайте
            страницу.
          </p>
          <progress aria-label="Проверка файла" />
        </div>
      );
    }
    const { sent, total } = upload.progress ?? { sent: 0, total: file.size };
    const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
    return (
      <div className="upload-progress" role="status">
        <p>
          Отправляем «{file.name}»: {percent} % ({formatFileSize(sent)} из {formatFileSize(total)})
        </p>
        <progress value={sent} max={total || 1} aria-label="Отправка файла" />
        <button type="button" className="button button--secondary" onClick={upload.cancel}>
          Отменить
        </button>
      </div>
    );
  }

  if (upload.isError) {
    if (upload.error.name === 'AbortError') {
      return (
        <p className="notice" role="status">
          Загрузка «{file.name}» отменена.
        </p>
      );
    }
    const past = pastPeriodChanges(upload.error);
    if (past) {
      return (
        <PastPeriodChanges
          periods={past}
          confirmLabel="Загрузить и подтвердить"
          pending={upload.isPending}
          onConfirm={() => upload.mutate({ ...upload.variables!, confirm: true })}
        />
      );
    }
    const result = resultFromError(upload.error);
    const locked = result && lockedRefusal(result);
    if (result)
      return (
        <>
          <ImportResultView result={result} message={upload.error.message} />
          {mayGiveReason && locked && (
            <UploadReasonForm
              refused={locked}
              onSubmit={(reason) => upload.mutate({ ...upload.variables!, reason })}
            />
          )}
        </>
      );
    return (
      <div className="alert" role="alert">
        <p className="alert__title">Файл «{file.name}» не принят.</p>
        <p>{upload.error.message}</p>
      </div>
    );
  }

  const { reason, receivedAt } = upload.variables;
  return (
    <>
      <ImportResultView result={upload.data!} />
      {(reason || receivedAt) && (
        <p className="upload-given">
          {receivedAt && <>Файл записан как полученный {receivedAtText(receivedAt)}. </>}
          {reason && <>Причина загрузки записана в журнал: «{reason}».</>}
        </p>
      )}
    </>
  );
}
