/**
 * The daily sync's bookkeeping, pure (no n8n imports): which window of end times a poll covers, which
 * listed sessions fall in it, and how the cursor moves. A session is emitted by the poll whose window
 * (cursor, horizon] holds its end time; windows of successive polls never overlap, so each ended
 * session is emitted once, and one that ended inside the settle delay is left to the next poll.
 */

export interface SyncState {
	/** End times up to and including this instant (ms) have been emitted. */
	cursor?: number;
}

export interface SyncSettings {
	lookBackMs: number;
	settleMs: number;
}

export interface PollPlan {
	/** Exclusive lower bound of end times (ms). */
	after: number;
	/** Inclusive upper bound of end times (ms): now minus the settle delay. */
	until: number;
	/** Start dates to ask Zoom for (yyyy-MM-dd, UTC, inclusive): a session ending in the window may have started the day before. */
	fromDate: string;
	toDate: string;
}

import { formatZoomDate } from '../shared/dateWindows';

const DAY_MS = 86_400_000;

/**
 * The window a poll covers. A manual run (the editor's "Fetch Test Event") always looks back over the
 * look-back window and never moves the cursor.
 */
export function planPoll(state: SyncState, now: number, settings: SyncSettings, manual: boolean): PollPlan {
	const until = now - settings.settleMs;
	const after = manual || state.cursor === undefined ? now - settings.lookBackMs : state.cursor;
	return { after, until, fromDate: formatZoomDate(Math.min(after, until) - DAY_MS), toDate: formatZoomDate(Math.max(until, after)) };
}

export interface EndedSession {
	uuid: string;
	end_time?: string;
	[key: string]: unknown;
}

/** Sessions whose end time lies in (after, until], each uuid once, oldest end first. */
export function selectEnded<T extends EndedSession>(sessions: Iterable<T>, plan: PollPlan): T[] {
	const seen = new Set<string>();
	const selected: Array<{ end: number; session: T }> = [];
	for (const session of sessions) {
		const end = session.end_time ? Date.parse(session.end_time) : Number.NaN;
		if (Number.isNaN(end) || end <= plan.after || end > plan.until) continue;
		if (seen.has(session.uuid)) continue;
		seen.add(session.uuid);
		selected.push({ end, session });
	}
	return selected.sort((a, b) => a.end - b.end).map((entry) => entry.session);
}

/** The state after a poll that succeeded; a manual run leaves it as it was. */
export function advance(state: SyncState, plan: PollPlan, manual: boolean): SyncState {
	if (manual) return state;
	return { cursor: Math.max(state.cursor ?? Number.NEGATIVE_INFINITY, plan.until) };
}

/**
 * Sessions a poll emitted whose run has not been seen to succeed. n8n saves the cursor when a poll
 * emits, before the run; a run that then fails or dies with its worker (queue mode: n8n cannot retry
 * such a run) would lose its sessions, so the next polls emit them again until a run succeeds.
 */
export interface UnfinishedRun<S extends EndedSession = EndedSession> {
	id: string;
	sessions: S[];
	/** How many runs have been given these sessions. */
	attempts: number;
}

export const MAX_ATTEMPTS = 3;

/** Reads the record back from static data, dropping anything it does not recognise. */
export function loadUnfinished<S extends EndedSession>(value: unknown): Array<UnfinishedRun<S>> {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(run): run is UnfinishedRun<S> =>
			typeof run === 'object' && run !== null && typeof run.id === 'string' && Array.isArray(run.sessions) && typeof run.attempts === 'number',
	);
}

/**
 * What the next poll emits again: each unfinished session once (the newest attempt wins), except
 * those already given MAX_ATTEMPTS runs, which are returned as given up.
 */
export function redeliveries<S extends EndedSession>(unfinished: Array<UnfinishedRun<S>>): { again: S[]; attempts: number; givenUp: S[] } {
	const again = new Map<string, S>();
	const givenUp: S[] = [];
	let attempts = 0;
	for (const run of unfinished) {
		for (const session of run.sessions) {
			if (run.attempts >= MAX_ATTEMPTS) givenUp.push(session);
			else {
				again.set(session.uuid, session);
				attempts = Math.max(attempts, run.attempts);
			}
		}
	}
	return { again: [...again.values()], attempts, givenUp: givenUp.filter((session) => !again.has(session.uuid)) };
}
