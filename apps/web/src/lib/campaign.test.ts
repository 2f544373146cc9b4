import { describe, expect, it } from 'vitest';
import { daysLeftText, deadlineText, timelinessText } from './campaign';

describe('campaign words', () => {
  it('counts the days to the deadline, the deadline day itself, and past it', () => {
    expect(daysLeftText(5)).toBe('осталось 5 дн.');
    expect(daysLeftText(0)).toBe('сегодня последний день');
    expect(daysLeftText(-1)).toBe('срок прошёл');
    expect(deadlineText({ deadline: '2025-06-15', daysLeft: 3, open: true })).toBe(
      'до 15.06.2025, осталось 3 дн.',
    );
    expect(deadlineText({ deadline: '2025-06-15', daysLeft: -3, open: false })).toBe(
      'до 15.06.2025, сбор закрыт',
    );
  });

  it('says on time or late only when there is something to say', () => {
    expect(timelinessText({ onTime: true, late: null, completedOn: '2025-06-10' })).toBe('сдан в срок');
    expect(timelinessText({ onTime: false, late: 2, completedOn: '2025-06-17' })).toBe(
      'сдан с опозданием на 2 дн.',
    );
    expect(timelinessText({ onTime: false, late: 3, completedOn: null })).toBe('опоздание 3 дн.');
    expect(timelinessText({ onTime: false, late: null, completedOn: null })).toBeNull();
  });
});
