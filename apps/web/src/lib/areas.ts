// How the gap between graduates' choices and vacancies reads: shared with the API's annual report.
export { areaMarks, gapSide, type GapSide } from '@profmonitor/charts';
