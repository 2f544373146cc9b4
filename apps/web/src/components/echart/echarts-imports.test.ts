import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// ECharts (~210 kB gzip) reaches the browser only through echarts-runtime.ts, which the EChart
// wrapper imports when a chart mounts. A value imported from 'echarts/…' anywhere else would put
// ECharts into that module's chunk, and so into the first download of the pages that use it.
// Chart builders build options: they may import ECharts' types, nothing more.

const RUNTIME = '/src/components/echart/echarts-runtime.ts';

describe('the app’s sources', () => {
  const sources = import.meta.glob<string>(
    // The chart builders of @profmonitor/charts are bundled with the pages that draw them.
    ['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/test/**', '/../../libs/charts/src/**/*.ts'],
    { query: '?raw', import: 'default', eager: true },
  );

  /** Imports of ECharts in a file that bring values, not only types. */
  function runtimeImports(path: string, text: string): string[] {
    const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      const specifier =
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
          ? (node.moduleSpecifier as ts.StringLiteral).text
          : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
            ? ((node.arguments[0] as ts.StringLiteral | undefined)?.text ?? '')
            : null;
      if (specifier !== null && /^echarts(\/|$)/.test(specifier)) {
        const typeOnly =
          (ts.isImportDeclaration(node) &&
            (node.importClause?.isTypeOnly ||
              (node.importClause?.namedBindings &&
                ts.isNamedImports(node.importClause.namedBindings) &&
                !node.importClause.name &&
                node.importClause.namedBindings.elements.every((element) => element.isTypeOnly)))) ||
          (ts.isExportDeclaration(node) && node.isTypeOnly);
        if (!typeOnly) found.push(`${path}: ${node.getText(file)}`);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
    return found;
  }

  it('import ECharts’ runtime in echarts-runtime.ts only, and its types elsewhere', () => {
    expect(Object.keys(sources)).toContain(RUNTIME);
    expect(Object.keys(sources)).toContain('../../libs/charts/src/chart-option.ts');
    const found = Object.entries(sources)
      .filter(([path]) => path !== RUNTIME)
      .flatMap(([path, text]) => runtimeImports(path, text));
    expect(found).toEqual([]);
  });

  it('recognise a value import as such (the check can fail)', () => {
    expect(runtimeImports('/x.ts', "import { init, type EChartsType } from 'echarts/core';")).toHaveLength(1);
    expect(runtimeImports('/x.ts', "import type { EChartsType } from 'echarts/core';")).toEqual([]);
    expect(runtimeImports('/x.ts', "const m = import('echarts');")).toHaveLength(1);
  });
});
