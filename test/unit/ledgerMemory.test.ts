/**
 * The once-only memory against the window it guards (issue #27): a trigger node's ledger, filled to
 * its steady-state size, takes deliveries at the capacity rate it is sized for, for three simulated
 * hours (longer than the memory turns over), with Zoom's retries of the deliveries it answered late
 * (+5, +25, +85 min, re-signed or not) and replays of captured requests at any later time. Each
 * attempt lands on one of two n8n processes and goes the way the trigger takes it: signature and
 * timestamp tolerance (screen), the event's own time (eventTimeProblem), then the run's claim in the
 * ledger (shared/ledger.ts) on a model of n8n's store (fifoStore.ts).
 */
import { Ledger } from 'n8n-nodes-zoom-connector/nodes/shared/ledger';
import {
	CAPACITY_PER_SECOND,
	claimedLimits,
	deliveryKeys,
	EVENT_WINDOW_SECONDS,
	eventTimeProblem,
	KeyMemory,
	LEDGER_MAX_ENTRIES,
	ledgerKeys,
	MEMORY_SECONDS,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { DEFAULT_TOLERANCE_SECONDS, screen, sign } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/signature';
import { FifoStore } from './fifoStore';
import { START } from './ledgerHarness';

const SECRET = 'aVerySecretTokenValue_123';
const HOURS = 3;
const RETRIES_S = [5 * 60, 25 * 60, 85 * 60];
/** Share of first tries answered late (Zoom retries them all) and of attempts captured and replayed. */
const LATE = 0.05;
const REPLAYED = 0.03;

interface Attempt {
	event: number;
	at: number;
	timestamp: number;
	genuine: boolean;
}

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
		return s / 2 ** 32;
	};
}

function bodyOf(event: number, eventSeconds: number): string {
	return JSON.stringify({
		event: 'meeting.participant_joined',
		event_ts: eventSeconds * 1000,
		payload: { account_id: 'acc', object: { id: '9', uuid: 'u==', participant: { user_id: `p-${event}`, user_name: `P ${event}` } } },
	});
}

/** Every attempt of the run, by the second it lands at. */
function schedule(rand: () => number, startSeconds: number): Map<number, Attempt[]> {
	const bySecond = new Map<number, Attempt[]>();
	const add = (attempt: Attempt) => {
		const list = bySecond.get(attempt.at) ?? [];
		list.push(attempt);
		bySecond.set(attempt.at, list);
	};
	const seconds = HOURS * 3600;
	let event = 0;
	for (let t = 0; t < seconds; t++) {
		for (let i = 0; i < CAPACITY_PER_SECOND; i++, event++) {
			const at = startSeconds + t;
			const attempts: Attempt[] = [{ event, at, timestamp: at, genuine: true }];
			if (rand() < LATE) {
				const resigned = rand() < 0.5;
				for (const after of RETRIES_S) attempts.push({ event, at: at + after, timestamp: resigned ? at + after : at, genuine: true });
			}
			attempts.forEach(add);
			// A captured attempt replayed by someone else, at any time in the next three hours.
			for (const captured of attempts) {
				if (rand() < REPLAYED) add({ ...captured, at: captured.at + 1 + Math.floor(rand() * 3 * 3600), genuine: false });
			}
		}
	}
	return bySecond;
}

beforeEach(() => jest.useFakeTimers({ now: START }));
afterEach(() => jest.useRealTimers());

describe('the once-only memory spans the window it guards', () => {
	it('is sized from the capacity rate and the memory span', () => {
		expect(MEMORY_SECONDS).toBeGreaterThan(85 * 60 + 10 * 60);
		expect(LEDGER_MAX_ENTRIES).toBe(2 * CAPACITY_PER_SECOND * MEMORY_SECONDS);
	});

	it('accepts an event up to the window old and 10 min ahead, by its own time; one without a time is left to the tolerance', () => {
		const now = 1_796_000_000;
		expect(eventTimeProblem((now - 85 * 60 - 120) * 1000, now)).toBeUndefined();
		expect(eventTimeProblem((now - EVENT_WINDOW_SECONDS) * 1000, now)).toBeUndefined();
		expect(eventTimeProblem((now - EVENT_WINDOW_SECONDS - 1) * 1000, now)).toMatch(/event_ts/);
		expect(eventTimeProblem((now + 600) * 1000, now)).toBeUndefined();
		expect(eventTimeProblem((now + 601) * 1000, now)).toMatch(/ahead/);
		expect(eventTimeProblem(undefined, now)).toBeUndefined();
	});

	it('a process’s quick copy check keeps a key the whole span at the capacity rate, then lets it go', () => {
		const memory = new KeyMemory(claimedLimits());
		const start = 1_796_000_000;
		memory.add(['t:first', 'c:first'], start);
		for (let t = 1; t < MEMORY_SECONDS; t += 10) {
			const keys = Array.from({ length: 10 * CAPACITY_PER_SECOND }, (_, i) => `c:${t}-${i}`);
			memory.add(keys, start + t);
		}
		expect(memory.has(['c:first'], start + MEMORY_SECONDS - 1)).toBe(true);
		expect(memory.has(['c:first'], start + MEMORY_SECONDS + 1)).toBe(false);
		expect(memory.size).toBeLessThanOrEqual(claimedLimits().maxEntries);
	});

	it(`${HOURS} simulated hours at the capacity rate from a full memory, with Zoom's retries and replays: each event emitted once, nothing genuine lost`, async () => {
		const rand = random(27);
		const startSeconds = Math.floor(START / 1000);
		const store = new FifoStore();
		store.prefill('trigger', LEDGER_MAX_ENTRIES);
		const ledgers = [new Ledger(), new Ledger()];
		const contexts = [store.contextFor('trigger'), store.contextFor('trigger')];
		const bySecond = schedule(rand, startSeconds);
		const emitted = new Map<number, number>();
		const genuineAccepted = new Set<number>();
		let refusedOld = 0;
		let claims = 0;
		const lastSecond = Math.max(...bySecond.keys());
		for (let now = startSeconds; now <= lastSecond; now++) {
			const pending: Array<Promise<void>> = [];
			for (const [i, attempt] of (bySecond.get(now) ?? []).entries()) {
				const raw = bodyOf(attempt.event, eventSecondsOf(attempt, startSeconds));
				const headers = { 'x-zm-request-timestamp': String(attempt.timestamp), 'x-zm-signature': sign(SECRET, String(attempt.timestamp), raw), 'x-zm-trackingid': `rid-${attempt.event}` };
				const decision = screen({ secret: SECRET, headers, rawBody: Buffer.from(raw), nowSeconds: now, toleranceSeconds: DEFAULT_TOLERANCE_SECONDS });
				if (!decision.ok || decision.kind !== 'event') continue;
				if (eventTimeProblem(decision.body.event_ts, now)) {
					refusedOld++;
					continue;
				}
				if (attempt.genuine) genuineAccepted.add(attempt.event);
				const keys = ledgerKeys(deliveryKeys(headers, decision.body));
				claims++;
				const lane = (attempt.event + i) % 2;
				pending.push(
					ledgers[lane].claim(contexts[lane], keys, `receipt-${now}-${i}`, { maxEntries: LEDGER_MAX_ENTRIES, itemIndex: 0 }).then((won) => {
						if (won) emitted.set(attempt.event, (emitted.get(attempt.event) ?? 0) + 1);
					}),
				);
			}
			await jest.advanceTimersByTimeAsync(1000);
			await Promise.all(pending);
		}
		const twice = [...emitted].filter(([, count]) => count > 1);
		expect(twice).toEqual([]);
		const lost = [...genuineAccepted].filter((event) => !emitted.has(event));
		expect(lost).toEqual([]);
		// The run was long enough for the memory to turn over, and replays old enough to need the gate.
		expect(claims).toBeGreaterThan(LEDGER_MAX_ENTRIES / 2);
		expect(refusedOld).toBeGreaterThan(0);
		expect(store.size('node', 'trigger')).toBeLessThanOrEqual(LEDGER_MAX_ENTRIES);
	}, 900_000);
});

/** The event's own time: the second its first try was sent (retries and replays keep it). */
function eventSecondsOf(attempt: Attempt, startSeconds: number): number {
	return startSeconds + Math.floor(attempt.event / CAPACITY_PER_SECOND);
}
