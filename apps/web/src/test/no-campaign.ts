import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { campaignQueryOptions } from '@/api/campaign';
import { errorAnswer } from './error-answer';

// Pages that show a period's campaign when there is one (the overview, the region's pages),
// tested for everything else: their fake API answers as the API does for a period no campaign
// was opened for, and the test waits for that answer before it looks for error blocks.

/** GET /api/campaign?period= of a period without a campaign: 404 campaign_not_found (the web reads null). */
export const NO_CAMPAIGN = errorAnswer('campaign_not_found');

/** Waits until the page has read the period's campaign (none). */
export const campaignRead = (queryClient: QueryClient, period = '2024/2025') =>
  waitFor(() =>
    expect(queryClient.getQueryState(campaignQueryOptions(period).queryKey)?.status).toBe('success'),
  );

/** The error blocks on the page («Не удалось загрузить …», a refused export), by their text. */
export const errorBlocks = (): string[] =>
  screen.queryAllByRole('alert').map((alert) => alert.textContent!.replace(/\s+/g, ' ').trim());
