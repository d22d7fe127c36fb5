import fc from 'fast-check';

import {
	advance,
	loadUnfinished,
	MAX_ATTEMPTS,
	planPoll,
	redeliveries,
	selectEnded,
	type SyncState,
	type UnfinishedRun,
} from '../../nodes/ZoomDailySyncTrigger/sync';

const MIN = 60_000;
const DAY = 86_400_000;
const settings = { lookBackMs: 2 * DAY, settleMs: 30 * MIN };
const iso = (ms: number) => new Date(ms).toISOString();

describe('planPoll', () => {
	const now = Date.parse('2026-11-22T08:00:00Z');

	it('first poll looks back, leaving the settle delay for later', () => {
		const plan = planPoll({}, now, settings, false);
		expect(plan.after).toBe(now - 2 * DAY);
		expect(plan.until).toBe(now - 30 * MIN);
		// Start dates reach a day further back: a session ending in the window may have started then.
		expect(plan.fromDate).toBe('2026-11-19');
		expect(plan.toDate).toBe('2026-11-22');
	});

	it('later polls start at the cursor; a manual run ignores it', () => {
		const cursor = now - 5 * DAY;
		expect(planPoll({ cursor }, now, settings, false).after).toBe(cursor);
		expect(planPoll({ cursor }, now, settings, true).after).toBe(now - 2 * DAY);
	});
});

describe('selectEnded', () => {
	const plan = { after: 1000 * MIN, until: 2000 * MIN, fromDate: '', toDate: '' };
	it('keeps end times in (after, until], each uuid once, oldest first', () => {
		const sessions = [
			{ uuid: 'late', end_time: iso(2000 * MIN + 1) },
			{ uuid: 'b', end_time: iso(1900 * MIN) },
			{ uuid: 'edge-in', end_time: iso(2000 * MIN) },
			{ uuid: 'edge-out', end_time: iso(1000 * MIN) },
			{ uuid: 'a', end_time: iso(1500 * MIN) },
			{ uuid: 'a', end_time: iso(1500 * MIN) },
			{ uuid: 'no-end' },
		];
		expect(selectEnded(sessions, plan).map((s) => s.uuid)).toEqual(['a', 'b', 'edge-in']);
	});
});

describe('advance', () => {
	it('moves the cursor to the horizon only for scheduled polls', () => {
		const plan = { after: 0, until: 500, fromDate: '', toDate: '' };
		expect(advance({ cursor: 100 }, plan, false)).toEqual({ cursor: 500 });
		expect(advance({ cursor: 100 }, plan, true)).toEqual({ cursor: 100 });
		expect(advance({ cursor: 900 }, plan, false)).toEqual({ cursor: 900 });
	});
});

describe('a run of polls (property)', () => {
	it('emits every session that ended after the first look-back exactly once, never before it settled, and polls that fail emit nothing and lose nothing', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 20 * DAY }), { maxLength: 60 }),
				fc.array(fc.record({ gap: fc.integer({ min: MIN, max: 3 * DAY }), fails: fc.boolean() }), { minLength: 1, maxLength: 15 }),
				(ends, polls) => {
					const start = Date.parse('2026-01-10T00:00:00Z');
					const sessions = ends.map((offset, i) => ({ uuid: `s${i}`, end: start - 3 * DAY + offset }));
					let state: SyncState = {};
					let now = start;
					const emitted = new Map<string, number>();
					for (const poll of polls) {
						now += poll.gap;
						const plan = planPoll(state, now, settings, false);
						// Zoom lists what has ended by now; the poll picks its window.
						const listed = sessions.filter((s) => s.end <= now).map((s) => ({ uuid: s.uuid, end_time: iso(s.end) }));
						const picked = selectEnded(listed, plan);
						if (poll.fails) continue; // nothing emitted, state unchanged
						for (const session of picked) {
							const ended = sessions.find((s) => s.uuid === session.uuid)!.end;
							expect(now - ended).toBeGreaterThanOrEqual(settings.settleMs);
							emitted.set(session.uuid, (emitted.get(session.uuid) ?? 0) + 1);
						}
						state = advance(state, plan, false);
					}
					for (const count of emitted.values()) expect(count).toBe(1);
					// Everything that ended after the first successful poll's look-back and before the last horizon was emitted.
					if (state.cursor !== undefined) {
						const firstOk = polls.findIndex((p) => !p.fails);
						const firstNow = start + polls.slice(0, firstOk + 1).reduce((n, p) => n + p.gap, 0);
						for (const s of sessions) {
							if (s.end > firstNow - settings.lookBackMs && s.end <= state.cursor) expect(emitted.get(s.uuid)).toBe(1);
						}
					}
				},
			),
		);
	});
});

it('asks Zoom for UTC start dates', () => {
	const plan = planPoll({ cursor: Date.parse('2026-03-01T23:30:00-05:00') }, Date.parse('2026-03-03T12:00:00Z'), settings, false);
	expect(plan.fromDate).toBe('2026-03-01');
	expect(plan.toDate).toBe('2026-03-03');
});

describe('sessions of runs that did not succeed', () => {
	const session = (uuid: string) => ({ uuid, end_time: '2026-11-20T10:00:00Z' });

	it('reads back only well-formed records from static data', () => {
		expect(loadUnfinished(undefined)).toEqual([]);
		expect(loadUnfinished({ id: 'x' })).toEqual([]);
		expect(loadUnfinished([{ id: 'a', sessions: [session('u1')], attempts: 1 }, { id: 'b' }, null, 'c'])).toEqual([
			{ id: 'a', sessions: [session('u1')], attempts: 1 },
		]);
	});

	it('emits each unfinished session once, and gives up after MAX_ATTEMPTS runs', () => {
		const unfinished: UnfinishedRun[] = [
			{ id: 'a', sessions: [session('u1'), session('u2')], attempts: 1 },
			{ id: 'b', sessions: [session('u2'), session('u3')], attempts: 2 },
			{ id: 'c', sessions: [session('u4')], attempts: MAX_ATTEMPTS },
		];
		const { again, attempts, givenUp } = redeliveries(unfinished);
		expect(again.map((s) => s.uuid).sort()).toEqual(['u1', 'u2', 'u3']);
		expect(attempts).toBe(2);
		expect(givenUp.map((s) => s.uuid)).toEqual(['u4']);
	});

	it('property: every session is either emitted again or given up, never both, never lost', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						id: fc.string(),
						sessions: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e').map(session), { maxLength: 4 }),
						attempts: fc.integer({ min: 1, max: MAX_ATTEMPTS + 1 }),
					}),
					{ maxLength: 5 },
				),
				(unfinished) => {
					const { again, givenUp } = redeliveries(unfinished);
					const againUuids = again.map((s) => s.uuid);
					expect(new Set(againUuids).size).toBe(againUuids.length);
					const all = new Set(unfinished.flatMap((run) => run.sessions.map((s) => s.uuid)));
					for (const uuid of all) {
						const emitted = againUuids.includes(uuid);
						const dropped = givenUp.some((s) => s.uuid === uuid);
						expect(emitted !== dropped).toBe(true);
					}
				},
			),
		);
	});
});
