import { Link, useParams } from 'react-router-dom';
import type { UploadDetailView } from '@/api/uploads';
import { useUpload } from '@/api/uploads';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { ImportResultView } from '@/components/uploads/ImportResultView';
import { formatDateTime } from '@/lib/format';
import { formatFileSize, KIND_LABELS, outcomeLabel } from '@/lib/uploads';
import { usePageTitle } from '@/hooks/use-page-title';
import './upload-page.css';

/** One upload from the log: who sent what and when, and its full result. */
export function UploadPage() {
  const { id = '' } = useParams();
  usePageTitle(`Загрузка № ${id}`);
  const uploadId = /^\d+$/.test(id) ? Number(id) : null;
  return (
    <section className="page">
      <p className="eyebrow">
        <Link to="/uploads">Загрузки</Link>
      </p>
      {uploadId === null ? (
        <>
          <h1>Загрузка не найдена</h1>
          <p>Номер загрузки — целое число. Откройте её из истории загрузок.</p>
        </>
      ) : (
        <Upload id={uploadId} />
      )}
    </section>
  );
}

function Upload({ id }: { id: number }) {
  const upload = useUpload(id);
  if (upload.isPending) return <Loading height={320} />;
  if (upload.isError)
    return (
      <ErrorMessage error={upload.error} what={`загрузку № ${id}`} retry={() => void upload.refetch()} />
    );
  return (
    <>
      <h1>
        Загрузка № {id}: {upload.data.fileName}
      </h1>
      <UploadFacts upload={upload.data} />
      {/* The result's own headings are h3, as under the upload panel's h2. */}
      <h2>Результат проверки</h2>
      <ImportResultView result={upload.data.result} linkToUpload={false} />
    </>
  );
}

function UploadFacts({ upload }: { upload: UploadDetailView }) {
  return (
    <dl className="facts card">
      <dt>Что</dt>
      <dd>{KIND_LABELS[upload.kind] ?? upload.kind}</dd>
      <dt>Организация</dt>
      <dd>
        {upload.organization ? (
          <Link to={`/organizations/${encodeURIComponent(upload.organization)}`}>{upload.organization}</Link>
        ) : (
          '—'
        )}
      </dd>
      <dt>Период</dt>
      <dd>{upload.period ?? '—'}</dd>
      <dt>Загрузил</dt>
      <dd>
        {upload.uploadedBy}, {formatDateTime(upload.uploadedAt)}
      </dd>
      {upload.receivedAt && (
        <>
          <dt>Получен</dt>
          <dd>
            {formatDateTime(upload.receivedAt)}{' '}
            <span className="muted small">(архивный файл: срок сдачи судят по этому времени)</span>
          </dd>
        </>
      )}
      {upload.reason && (
        <>
          <dt>Причина загрузки</dt>
          <dd className="upload-facts__reason">{upload.reason}</dd>
        </>
      )}
      <dt>Результат</dt>
      <dd>
        <span className={`outcome outcome--${upload.outcome}`}>{outcomeLabel(upload.outcome)}</span>
      </dd>
      <dt>Файл</dt>
      <dd>
        {formatFileSize(upload.size)} · SHA-256 <code className="small">{upload.sha256}</code>
        <br />
        <a href={`/api/uploads/${upload.id}/file`} download>
          Скачать исходный файл
        </a>
      </dd>
    </dl>
  );
}
