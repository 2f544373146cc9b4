import { describe, expect, it } from 'vitest';
import {
  changeDirection,
  changeTone,
  formatAxisValue,
  formatChange,
  formatTarget,
  formatValue,
  scaleOf,
  statusTone,
} from './indicators';

describe('indicator presentation', () => {
  it('shows shares as percentages and the mismatch index as a number', () => {
    expect(scaleOf('coverage_8_11')).toBe('percent');
    expect(scaleOf('demand_mismatch')).toBe('index');
    expect(formatValue(0.784, 'percent')).toBe('78,4 %');
    expect(formatValue(0.5123, 'index')).toBe('0,51');
    expect(formatValue(null, 'percent')).toBe('нет данных');
  });

  it('prints targets as the committee sets them', () => {
    expect(formatTarget({ kind: 'atLeast', threshold: 0.8 })).toBe('≥ 80,0 %');
    expect(formatTarget({ kind: 'growth' })).toBe('рост');
    expect(formatTarget({ kind: 'decrease' })).toBe('снижение');
  });

  it('prints changes in percentage points, or index units for the index', () => {
    expect(formatChange(0.062, 'percent')).toBe('+6,2 п.п.');
    expect(formatChange(-0.031, 'percent')).toBe('−3,1 п.п.');
    expect(formatChange(-0.04, 'index')).toBe('−0,04');
    expect(formatChange(null, 'percent')).toBeNull();
  });

  it('gives no arrow to a change that prints as zero', () => {
    expect(changeDirection(0.0004, 'percent')).toBe('flat');
    expect(changeDirection(0.062, 'percent')).toBe('up');
    expect(changeDirection(-0.04, 'index')).toBe('down');
  });

  it('judges a move by the target: down is good news only for a decrease target', () => {
    expect(changeTone('up', { kind: 'atLeast', threshold: 0.8 })).toBe('good');
    expect(changeTone('down', { kind: 'growth' })).toBe('bad');
    expect(changeTone('down', { kind: 'decrease' })).toBe('good');
    expect(changeTone('up', { kind: 'none' })).toBe('neutral');
  });

  it('maps statuses to colour families', () => {
    expect(statusTone('достигнуто')).toBe('ok');
    expect(statusTone('не достигнуто')).toBe('fail');
    expect(statusTone('нет данных')).toBe('nodata');
    expect(statusTone(null)).toBe('info');
  });

  it('labels axes compactly', () => {
    expect(formatAxisValue(0.8, 'percent')).toBe('80 %');
    expect(formatAxisValue(0.25, 'index')).toBe('0,25');
  });
});
