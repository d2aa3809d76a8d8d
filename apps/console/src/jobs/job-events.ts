import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EventSource } from 'eventsource';
import { authHeaders } from '../api/client';
import { api } from '../api/endpoints';
import type { JobEvent, JobView } from '../api/types';
import { FINISHED } from '../api/types';
import { applyEvent } from './progress';

const EVENT_TYPES = ['snapshot', 'accepted', 'progress', 'completed', 'failed', 'cancelled'] as const;

export type LiveState = 'connecting' | 'live' | 'ended' | 'lost';

/**
 * Follows a job over server-sent events (`GET /v1/batch-jobs/:id/events`), with the bearer token in a
 * header (an EventSource whose fetch adds it), and keeps the job's query data up to date; at the end
 * the job and its items are read again. Reconnects on its own when the connection drops.
 */
export function useJobEvents(jobId: string, status: string | undefined): LiveState {
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const known = status !== undefined;
  const finished = known && FINISHED.has(status);

  useEffect(() => {
    if (!known || finished) {
      if (finished) setState('ended');
      return;
    }
    const source = new EventSource(api.eventsPath(jobId), {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...authHeaders() } }),
    });
    const key = ['job', jobId];
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const data = JSON.parse(message.data) as JobEvent & JobView;
        if (type === 'snapshot') queries.setQueryData<JobView>(key, data);
        else queries.setQueryData<JobView>(key, (job) => (job ? applyEvent(job, { ...data, type }) : job));
        if (type === 'completed' || type === 'failed' || type === 'cancelled' || (type === 'snapshot' && FINISHED.has(data.status))) {
          source.close();
          setState('ended');
          void queries.invalidateQueries({ queryKey: key });
          void queries.invalidateQueries({ queryKey: ['items', jobId] });
          void queries.invalidateQueries({ queryKey: ['reasons', jobId] });
        }
      });
    }
    return () => source.close();
  }, [jobId, known, finished, queries]);

  return state;
}
