import { schoolWorkbook, vacanciesWorkbook } from '@profmonitor/domain';
import { columnReference } from './column-reference';

describe('columnReference', () => {
  it('renders a table per sheet from the schema', () => {
    const markdown = columnReference(schoolWorkbook);
    expect(markdown).toMatch(/^## Отчёт организации\n/);
    expect(markdown).toContain('template version 2026.1');
    expect(markdown).toContain('### Sheet `Титул`');
    expect(markdown).toContain('| Item | Required | Values |');
    expect(markdown).toContain('### Sheet `Выпускники`\n\nОдин выпускник в строке');
    expect(markdown).toContain(
      '| По специальности | Да, если «Класс» — СПО и «Направление» — Работа | Да или Нет; для выпускников СПО, вышедших на работу: трудоустроен по полученной специальности |',
    );
    expect(markdown).toContain('| Дата договора | Да | дата ДД.ММ.ГГГГ |');
    for (const sheet of schoolWorkbook.sheets) {
      for (const column of sheet.columns) expect(markdown).toContain(`| ${column.header} |`);
    }
  });

  it('renders the employment center workbook', () => {
    const markdown = columnReference(vacanciesWorkbook);
    expect(markdown).toContain('| Column | Required | Values |');
    expect(markdown).toContain('| Вакансий | Да | целое неотрицательное число |');
  });
});
