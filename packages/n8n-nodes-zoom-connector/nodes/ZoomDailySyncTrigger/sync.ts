/**
 * The daily sync's bookkeeping, pure (no n8n imports): which window of end times a poll covers, which
 * listed sessions fall in it, and how the cursor moves. A session is emitted by the poll whose window
 * (cursor, horizon] holds its end time; windows of successive polls never overlap, so each ended
 * session is emitted once, and one that ended inside the settle delay is left to the next poll.
 */

import { formatZoomDate } from '../shared/dateWindows';

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

const DAY_MS = 86_400_000;

/**
 * The window a poll covers. A manual run (the editor's "Fetch Test Event") always looks back over the
 * look-back window and never moves the cursor.
 */
export function planPoll(
	state: SyncState,
	now: number,
	settings: SyncSettings,
	manual: boolean,
): PollPlan {
	const until = now - settings.settleMs;
	const after = manual || state.cursor === undefined ? now - settings.lookBackMs : state.cursor;
	return {
		after,
		until,
		fromDate: formatZoomDate(Math.min(after, until) - DAY_MS),
		toDate: formatZoomDate(Math.max(until, after)),
	};
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

/** How n8n reported a run's end, as far as the daily sync cares. */
export interface RunOutcome {
	status?: string;
	errorName?: string;
	errorMessage?: string;
}

/** Runs one poll's sessions may get in all: the first and two more. */
export const MAX_ATTEMPTS = 3;

/**
 * Whether a run of polled sessions died rather than failed: n8n marked it crashed, or (queue mode)
 * failed it as stalled because its worker died. n8n saves the cursor before the run and cannot retry
 * such a run, so its sessions would be lost; a run that failed in a node is left to n8n's Retry.
 */
export function runDied(outcome: RunOutcome | undefined): boolean {
	if (!outcome) return false;
	if (outcome.status === 'crashed') return true;
	return (
		outcome.status === 'error' &&
		(outcome.errorName === 'MaxStalledCountError' ||
			/failed to be processed too many times|job stalled/i.test(outcome.errorMessage ?? ''))
	);
}
