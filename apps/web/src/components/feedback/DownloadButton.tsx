import { useState } from 'react';
import { ApiError, fetchFile, type QueryParams } from '@/lib/api-client';

/**
 * A file from the API, saved by the browser only when the server sent it: a refusal or a
 * failure shows the server's Russian message beside the button, never a broken download.
 */
export function DownloadButton({
  path,
  params,
  children,
}: {
  path: string;
  params?: QueryParams;
  children: string;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const { blob, fileName } = await fetchFile(path, params);
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ busy: false, error: null });
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : '';
      setState({ busy: false, error: `Не удалось выгрузить файл. ${reason}`.trim() });
    }
  };
  return (
    <div className="download">
      <button type="button" className="button" onClick={() => void download()} disabled={state.busy}>
        {state.busy ? 'Готовим файл…' : children}
      </button>
      {state.error && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
