import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationView } from '@profmonitor/domain';
import { LIVE_QUERY } from '@/api/campaign';
import { api } from '@/lib/api-client';

/**
 * The organization's reminders whose report is still not sent (or returned): a school's; the
 * other roles get none.
 */
export const getNotifications = (signal?: AbortSignal): Promise<NotificationView[]> =>
  api.get<NotificationView[]>('/notifications', { signal });

/**
 * Asked again after every upload (invalidateRecomputed): a sent report takes its reminders away;
 * and, as the report's state, whenever the page opens or the person comes back to it (a return
 * brings the committee's comment).
 */
export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => getNotifications(signal),
    ...LIVE_QUERY,
  });

export const useNotifications = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...notificationsQueryOptions(), ...options });
