import { readFileSync } from 'node:fs';

import fc from 'fast-check';

import { ZoomDailySyncTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/ZoomDailySyncTrigger.node';
import { advance, planPoll, runDied, selectEnded, type SyncState } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/sync';

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

describe('runDied: which ended runs get their sessions again', () => {
	it('a crashed run, and a run n8n failed as stalled when its worker died', () => {
		expect(runDied({ status: 'crashed' })).toBe(true);
		expect(runDied({ status: 'error', errorName: 'MaxStalledCountError' })).toBe(true);
		expect(
			runDied({
				status: 'error',
				errorName: 'UnexpectedError',
				errorMessage: 'This execution failed to be processed too many times and will no longer retry.',
			}),
		).toBe(true);
	});

	it('not a run that succeeded, failed in a node (n8n’s Retry handles it), was cancelled, or is unknown', () => {
		expect(runDied({ status: 'success' })).toBe(false);
		expect(runDied({ status: 'error', errorName: 'NodeApiError', errorMessage: 'Meeting 123 not found (Zoom code 3001)' })).toBe(false);
		expect(runDied({ status: 'canceled' })).toBe(false);
		expect(runDied(undefined)).toBe(false);
	});
});

describe('what the node tells the user about Zoom’s meetings report (issue 28, point 2)', () => {
	it('the notice and the README name the two-participant rule, the six months, and that webinars have no such limit', () => {
		const notice = String(new ZoomDailySyncTrigger().description.properties.find((p) => p.name === 'notice')?.displayName);
		const readme = readFileSync(require.resolve('n8n-nodes-zoom-connector/README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('### Zoom Daily Sync Trigger'), readme.indexOf('## Example workflows'));
		for (const text of [notice, section]) {
			expect(text).toMatch(/two or more unique participants/);
			expect(text).toMatch(/six months/);
			expect(text).toMatch(/webinars[^.]*no (such|participant) limit/i);
		}
	});
});
