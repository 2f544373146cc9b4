// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable';
import { textOf } from '@/test/blob-text';

afterEach(cleanup);

type School = { code: string; name: string; type: string; coverage: number | null };
const columns: Column<School>[] = [
  { id: 'name', header: 'Организация', kind: 'text', value: (s) => s.name, rowHeader: true },
  { id: 'type', header: 'Тип', kind: 'text', value: (s) => s.type },
  { id: 'coverage', header: 'Охват', kind: 'percent', value: (s) => s.coverage },
];
const schools: School[] = [
  { code: 'sch10', name: 'МБОУ СОШ № 10', type: 'школа', coverage: 0.9 },
  { code: 'sch04', name: 'МБОУ СОШ № 4', type: 'школа', coverage: null },
  { code: 'gym1', name: 'Гимназия № 1', type: 'гимназия', coverage: 0.12 },
];

const show = () =>
  render(
    <DataTable
      label="Организации"
      columns={columns}
      rows={schools}
      rowKey={(s) => s.code}
      facet={{ label: 'Тип организации', value: (s) => s.type }}
      searchText={(s) => s.code}
    />,
  );
/** A saved file's text, its BOM kept (jsdom's Blob has no text()). */
const firstCells = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('DataTable', () => {
  it('sorts by a header button, announcing the order with aria-sort, blanks last', () => {
    show();
    expect(firstCells()).toEqual(['МБОУ СОШ № 10', 'МБОУ СОШ № 4', 'Гимназия № 1']);
    const coverage = screen.getByRole('button', { name: /Охват/ });
    fireEvent.click(coverage);
    expect(screen.getByRole('columnheader', { name: /Охват/ }).getAttribute('aria-sort')).toBe('descending');
    expect(firstCells()).toEqual(['МБОУ СОШ № 10', 'Гимназия № 1', 'МБОУ СОШ № 4']);
    fireEvent.click(coverage);
    expect(screen.getByRole('columnheader', { name: /Охват/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(firstCells()).toEqual(['Гимназия № 1', 'МБОУ СОШ № 10', 'МБОУ СОШ № 4']);
    expect(screen.getByText('нет данных')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Организация/ }));
    expect(firstCells()).toEqual(['Гимназия № 1', 'МБОУ СОШ № 4', 'МБОУ СОШ № 10']);
    expect(screen.getByRole('columnheader', { name: /Охват/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('filters by the type and by text, a code included, and says how many it found', () => {
    show();
    fireEvent.change(screen.getByLabelText('Тип организации'), { target: { value: 'школа' } });
    expect(firstCells()).toEqual(['МБОУ СОШ № 10', 'МБОУ СОШ № 4']);
    expect(screen.getByRole('status').textContent).toBe('Найдено: 2 из 3');
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'sch04' } });
    expect(firstCells()).toEqual(['МБОУ СОШ № 4']);
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'лицей' } });
    expect(screen.queryAllByRole('rowheader')).toHaveLength(0);
    expect(screen.getByText('Ничего не найдено. Измените условия поиска.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Скачать .csv' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps pinned rows on top whatever the order and search, and exports them first with the export columns', async () => {
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (files.push(blob), 'blob:table'));
    URL.revokeObjectURL = vi.fn();
    const city: School = { code: 'city', name: 'Город', type: '', coverage: 0.5 };
    render(
      <DataTable
        label="Организации"
        columns={columns}
        rows={schools}
        pinned={[city]}
        rowKey={(s) => s.code}
        exportColumns={[
          columns[0],
          columns[2],
          { id: 'code', header: 'Код', kind: 'text', value: (s) => s.code },
        ]}
      />,
    );
    expect(firstCells()).toEqual(['Город', 'МБОУ СОШ № 10', 'МБОУ СОШ № 4', 'Гимназия № 1']);
    fireEvent.click(screen.getByRole('button', { name: /Охват/ }));
    expect(firstCells()).toEqual(['Город', 'МБОУ СОШ № 10', 'Гимназия № 1', 'МБОУ СОШ № 4']);
    fireEvent.change(screen.getByLabelText('Найти'), { target: { value: 'гимназия' } });
    expect(firstCells()).toEqual(['Город', 'Гимназия № 1']);

    fireEvent.click(screen.getByRole('button', { name: 'Скачать .csv' }));
    expect(await textOf(files[0])).toBe(
      '\uFEFFОрганизация;Охват;Код\r\nГород;50%;city\r\nГимназия № 1;12%;gym1\r\n',
    );
  });
});
