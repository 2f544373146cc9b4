import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CycleAnalysisView,
  CycleCommentView,
  CycleDecisionView,
  CycleEffectivenessView,
  CycleMeasureView,
  CycleRecommendationView,
  IndicatorId,
} from '@profmonitor/domain';
import { api } from '@/lib/api-client';
import { LIVE_QUERY } from './campaign';

// The management cycle (issue 15, item 3) as every page reads it: the committee's page, a
// school's start page (its recommendations) and the indicator page (comments pinned to a value).
// Every key starts with CYCLE_KEY: any write asks every read again (an answer changes the
// committee's list, a recommendation the school's, and so on).

const CYCLE_KEY = 'cycle';

/** A period and a level: a municipality named by the ministry, else the account's own. */
export type CycleLevel = { period: string; municipality?: string };

const level = ({ period, municipality }: CycleLevel) => ({ period, municipality });

export const analysesQueryOptions = (query: CycleLevel) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'analyses', level(query)],
    queryFn: ({ signal }) =>
      api.get<CycleAnalysisView[]>('/cycle/analyses', { params: level(query), signal }),
  });

export const analysisHistoryQueryOptions = (query: CycleLevel, indicator: string) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'analysis-history', level(query), indicator],
    queryFn: ({ signal }) =>
      api.get<CycleAnalysisView[]>(`/cycle/analyses/${encodeURIComponent(indicator)}/history`, {
        params: level(query),
        signal,
      }),
  });

/** Without a period: every period's (a school's start page lists all addressed to it). */
export const recommendationsQueryOptions = (query: { period?: string; municipality?: string } = {}) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'recommendations', query],
    queryFn: ({ signal }) =>
      api.get<CycleRecommendationView[]>('/cycle/recommendations', { params: query, signal }),
    // Answered or written by another person: asked again when the page opens.
    ...LIVE_QUERY,
  });

export const effectivenessQueryOptions = (id: number) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'effectiveness', id],
    queryFn: ({ signal }) =>
      api.get<CycleEffectivenessView>(`/cycle/recommendations/${id}/effectiveness`, { signal }),
  });

export const measuresQueryOptions = (query: CycleLevel) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'measures', level(query)],
    queryFn: ({ signal }) => api.get<CycleMeasureView[]>('/cycle/measures', { params: level(query), signal }),
  });

export const decisionsQueryOptions = (query: CycleLevel) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'decisions', level(query)],
    queryFn: ({ signal }) =>
      api.get<CycleDecisionView[]>('/cycle/decisions', { params: level(query), signal }),
  });

export const commentsQueryOptions = (period: string, indicator: IndicatorId) =>
  queryOptions({
    queryKey: [CYCLE_KEY, 'comments', period, indicator],
    queryFn: ({ signal }) =>
      api.get<CycleCommentView[]>('/cycle/comments', { params: { period, indicator }, signal }),
    ...LIVE_QUERY,
  });

export const useAnalyses = (query: CycleLevel) => useQuery(analysesQueryOptions(query));
export const useAnalysisHistory = (query: CycleLevel, indicator: string, { enabled = true } = {}) =>
  useQuery({ ...analysisHistoryQueryOptions(query, indicator), enabled });
export const useRecommendations = (query: { period?: string; municipality?: string } = {}) =>
  useQuery(recommendationsQueryOptions(query));
export const useEffectiveness = (id: number) => useQuery(effectivenessQueryOptions(id));
export const useMeasures = (query: CycleLevel) => useQuery(measuresQueryOptions(query));
export const useDecisions = (query: CycleLevel) => useQuery(decisionsQueryOptions(query));
export const useComments = (period: string, indicator: IndicatorId) =>
  useQuery(commentsQueryOptions(period, indicator));

// ---- Writes

export type NewRecommendation = CycleLevel & { indicator: string; text: string; due: string; orgs: string[] };
export type NewMeasure = CycleLevel & {
  text: string;
  from: string;
  until?: string;
  responsible: string;
  orgs: string[];
};
export type NewDecision = CycleLevel & { text: string; date: string; basis: string };
export type NewComment = CycleLevel & { indicator: string; org?: string; text: string };

export const writeAnalysis = ({
  indicator,
  text,
  ...query
}: CycleLevel & { indicator: string; text: string }) =>
  api.put<CycleAnalysisView>(
    `/cycle/analyses/${encodeURIComponent(indicator)}`,
    { text },
    { params: level(query) },
  );

export const recommend = (body: NewRecommendation) =>
  api.post<CycleRecommendationView>('/cycle/recommendations', body);

export const answerRecommendation = ({ id, text }: { id: number; text: string }) =>
  api.put<CycleRecommendationView>(`/cycle/recommendations/${id}/answer`, { text });

export const addMeasure = (body: NewMeasure) => api.post<CycleMeasureView>('/cycle/measures', body);

export const addDecision = (body: NewDecision) => api.post<CycleDecisionView>('/cycle/decisions', body);

export const addComment = (body: NewComment) => api.post<CycleCommentView>('/cycle/comments', body);

function useCycleMutation<Variables, Answer>(mutationFn: (variables: Variables) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [CYCLE_KEY] }),
  });
}

export const useWriteAnalysis = () => useCycleMutation(writeAnalysis);
export const useRecommend = () => useCycleMutation(recommend);
export const useAnswerRecommendation = () => useCycleMutation(answerRecommendation);
export const useAddMeasure = () => useCycleMutation(addMeasure);
export const useAddDecision = () => useCycleMutation(addDecision);
export const useAddComment = () => useCycleMutation(addComment);
