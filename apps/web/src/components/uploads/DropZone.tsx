import { useState } from 'react';
import { ErrorCode, useDropzone, type FileRejection } from 'react-dropzone';
import {
  fileExtension,
  saveAsText,
  WORKBOOK_FILE_TYPES,
  workbookExtensionsText,
  workbookFileTypeOfFile,
} from '@profmonitor/domain';

/** The file picker offers the workbooks the server reads: by MIME type or by extension. */
const ACCEPT = Object.fromEntries(WORKBOOK_FILE_TYPES.map((type) => [type.mimeType, [type.extension]]));

/** Our own rejection code: a name whose extension is not a workbook's, whatever its MIME type. */
const NOT_A_WORKBOOK = 'not-a-workbook';

/**
 * The picker's and the drop's `accept` lets a file through by its MIME type alone, and systems
 * type files loosely (Windows gives a `.csv` the MIME type of `.xls`): the extension decides.
 */
function workbookOnly(file: File) {
  return workbookFileTypeOfFile(file) ? null : { code: NOT_A_WORKBOOK, message: '' };
}

/** Why a dropped file is not sent, in words the person can act on. */
export function rejectionMessage(rejections: readonly FileRejection[]): string {
  if (rejections.length > 1 || rejections[0]?.errors.some((e) => e.code === ErrorCode.TooManyFiles)) {
    return 'Перетащите один файл: отчёты загружаются по одному.';
  }
  const [{ file, errors }] = rejections;
  if (errors.some((e) => e.code === ErrorCode.FileInvalidType || e.code === NOT_A_WORKBOOK)) {
    const extension = fileExtension(file.name);
    const what = extension ? `файл ${extension}` : 'файл без расширения';
    return `«${file.name}» — ${what}, а не книга Excel или OpenDocument. Загружаются только файлы ${workbookExtensionsText('и')}: откройте отчёт в Excel или LibreOffice, сохраните его как ${saveAsText()} и загрузите снова.`;
  }
  return errors.map((e) => e.message).join(' ');
}

type DropZoneProps = {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The input's accessible name: what the file is. */
  label: string;
  /** The id of the text that says which files are accepted. */
  describedBy?: string;
};

/** A place to drop a workbook, with a button for the file picker (the keyboard way in). */
export function DropZone({ onFile, disabled = false, label, describedBy }: DropZoneProps) {
  const [rejection, setRejection] = useState<string | null>(null);
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: ACCEPT,
    validator: workbookOnly,
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
        <input {...getInputProps({ 'aria-label': label, 'aria-describedby': describedBy })} />
        <p className="dropzone__title">{isDragActive ? 'Отпустите файл здесь' : 'Перетащите файл сюда'}</p>
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
