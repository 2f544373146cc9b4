import { useState } from 'react';
import { ErrorCode, useDropzone, type FileRejection } from 'react-dropzone';

/** Excel workbooks only: by type, or by extension when the system gives no type. */
const XLSX = { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'] };

/** Why a dropped file is not sent, in words the person can act on. */
export function rejectionMessage(rejections: readonly FileRejection[]): string {
  if (rejections.length > 1 || rejections[0]?.errors.some((e) => e.code === ErrorCode.TooManyFiles)) {
    return 'Перетащите один файл: отчёты загружаются по одному.';
  }
  const [{ file, errors }] = rejections;
  if (errors.some((e) => e.code === ErrorCode.FileInvalidType)) {
    return `«${file.name}» — не книга Excel в формате .xlsx. Сохраните отчёт как «Книга Excel (*.xlsx)» и загрузите его снова.`;
  }
  return errors.map((e) => e.message).join(' ');
}

type DropZoneProps = {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The input's accessible name: what the file is. */
  label: string;
};

/** A place to drop a workbook, with a button for the file picker (the keyboard way in). */
export function DropZone({ onFile, disabled = false, label }: DropZoneProps) {
  const [rejection, setRejection] = useState<string | null>(null);
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: XLSX,
    multiple: false,
    disabled,
    // The button opens the picker; the zone itself only takes drops.
    noClick: true,
    noKeyboard: true,
    onDropAccepted: ([file]) => {
      setRejection(null);
      onFile(file);
    },
    onDropRejected: (rejections) => setRejection(rejectionMessage(rejections)),
  });
  return (
    <>
      <div
        {...getRootProps({
          className: ['dropzone', isDragActive && 'dropzone--active', disabled && 'dropzone--disabled']
            .filter(Boolean)
            .join(' '),
        })}
      >
        <input {...getInputProps({ 'aria-label': label })} />
        <p className="dropzone__title">
          {isDragActive ? 'Отпустите файл здесь' : 'Перетащите файл .xlsx сюда'}
        </p>
        <p className="dropzone__or">или</p>
        <button type="button" className="button" onClick={open} disabled={disabled}>
          Выбрать файл…
        </button>
      </div>
      {rejection && (
        <p className="alert" role="alert">
          {rejection}
        </p>
      )}
    </>
  );
}
