// The dashboard's chart builders (pure functions data → ECharts option) and the helpers they
// format with: the web draws them in the browser, the API renders them into the annual report.
export * from './chart-option';
export * from './html';
export * from './tooltip';
export * from './format';
export * from './indicators';
export * from './areas';
export * from './organizations';
export * from './organization-bars';
export * from './trend-chart';
export * from './heatmap-chart';
export * from './sankey-chart';
export * from './gap-chart';
export * from './periods-chart';
export * from './profminimum-chart';
