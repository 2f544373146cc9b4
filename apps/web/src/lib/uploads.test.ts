import { describe, expect, it } from 'vitest';
import { formatFileSize, outcomeLabel } from './uploads';

describe('uploads', () => {
  it('says what became of an upload in Russian', () => {
    expect(outcomeLabel('partial')).toBe('принят частично');
    expect(outcomeLabel('something')).toBe('something');
  });

  it('prints file sizes the Russian way', () => {
    expect(formatFileSize(512)).toBe('512 Б');
    expect(formatFileSize(1536)).toBe('1,5 КБ');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3 МБ');
  });
});
