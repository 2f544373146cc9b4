import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// ECharts puts a tooltip formatter's string into the page as HTML: the only markup the app may
// write is the html template's, which escapes what is put into it (./html.ts). Markup written
// by hand in a string is found here before it reaches a chart.

describe('the app’s sources', () => {
  // Every source file of the app and of the chart builders it draws (Vite reads them); tests
  // and their support are left out.
  const sources = import.meta.glob<string>(
    ['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/test/**', '/../../libs/charts/src/**/*.ts'],
    {
      query: '?raw',
      import: 'default',
      eager: true,
    },
  );
  const TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

  /** String and template literals that hold an HTML tag without the `html` template's escaping. */
  function rawMarkup(path: string, text: string): string[] {
    const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
    const found: string[] = [];
    const escaped = (node: ts.Node) =>
      ts.isTaggedTemplateExpression(node.parent) && node.parent.tag.getText(file) === 'html';
    const visit = (node: ts.Node) => {
      const literal =
        ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
      if (literal && !escaped(node) && TAG.test(node.getText(file))) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${path}:${line + 1}: ${node.getText(file)}`);
      }
      // A template's interpolations are code: look into them too.
      if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node))
        ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
    return found;
  }

  it('are read', () => {
    expect(Object.keys(sources)).toContain('/src/components/echart/sparkline-chart.ts');
    expect(Object.keys(sources)).toContain('../../libs/charts/src/organization-bars.ts');
  });

  it('write markup only with the html template: no tag in a plain string or template', () => {
    expect(Object.entries(sources).flatMap(([path, text]) => rawMarkup(path, text))).toEqual([]);
  });

  it('would catch markup written by hand', () => {
    expect(rawMarkup('/x.ts', 'const tip = `${name}<br/>${value}`;')).toHaveLength(1);
    expect(rawMarkup('/x.ts', "const tip = '<b>' + name + '</b>';")).toHaveLength(2);
    expect(rawMarkup('/x.ts', 'const tip = html`${name}<br />${value}`;')).toEqual([]);
  });
});
