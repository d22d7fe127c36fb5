/**
 * GET /report/users/{userId}/meetings as Zoom serves it (issue 28, points 1 and 2): "past meetings and
 * webinars", "only if they have two or more unique participants", "within the past six months"
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/users/{userId}/meetings), rows typed
 * 1-9 as in Rivet's ReportsGetMeetingReportsResponse (webinars 5, 6, 9). Then the Daily Sync read against it.
 */
import { ZoomDailySyncTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/ZoomDailySyncTrigger.node';
import { startHarness, type Harness } from './helpers';
import { pollContext } from './nodeContext';

let h: Harness;
let token: string;

beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h.sandbox.close();
});
beforeEach(async () => {
	await h.control('POST', '/reset');
	token = await h.token();
});

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const seed = async (body: Record<string, unknown>) => await h.control('POST', '/scenario', body);
const report = async (from: number, to: number) =>
	(await h.api(token).get('/report/users/me/meetings', { params: { from: day(from), to: day(to), type: 'past' } })).data as {
		meetings: Array<{ uuid: string; topic: string; type: number }>;
	};

describe('the user’s meetings report', () => {
	it('lists the user’s webinars beside the meetings, each with its webinar type', async () => {
		await seed({
			meetings: [{ topic: 'meeting', ended: { endedMinutesAgo: 60, participants: 3 } }],
			webinars: [
				{ topic: 'webinar', ended: { endedMinutesAgo: 90, participants: 5 } },
				{ topic: 'recurring webinar', type: 9, recurrence: { type: 1, repeat_interval: 1, end_times: 3 }, ended: { endedMinutesAgo: 120, participants: 4 } },
			],
		});
		const { meetings } = await report(Date.now() - 2 * DAY, Date.now());
		expect(meetings.map((m) => [m.topic, m.type]).sort()).toEqual([
			['meeting', 2],
			['recurring webinar', 9],
			['webinar', 5],
		]);
	});

	it('leaves out a session with fewer than two unique participants, however often one person rejoined', async () => {
		await seed({
			meetings: [
				{ topic: 'alone', ended: { endedMinutesAgo: 60, participants: 1, rejoinFraction: 1 } },
				{ topic: 'nobody', ended: { endedMinutesAgo: 60, participants: 0 } },
				{ topic: 'two', ended: { endedMinutesAgo: 60, participants: 2, rejoinFraction: 1 } },
			],
			webinars: [{ topic: 'webinar alone', ended: { endedMinutesAgo: 60, participants: 1 } }],
		});
		const { meetings } = await report(Date.now() - 2 * DAY, Date.now());
		expect(meetings.map((m) => m.topic)).toEqual(['two']);
	});

	it('lists nothing older than six months', async () => {
		const ago = 200;
		await seed({ meetings: [{ topic: 'old', ended: { endedMinutesAgo: ago * 1440, participants: 3 } }] });
		const { meetings } = await report(Date.now() - (ago + 2) * DAY, Date.now() - (ago - 20) * DAY);
		expect(meetings).toEqual([]);
	});
});

describe('the Daily Sync over that report', () => {
	it.each(['meeting', 'both'])('Sessions = %s: a webinar is never a meeting, and comes once (from the webinar path) with Both', async (sessionTypes) => {
		const { webinars, meetings } = await seed({
			meetings: [{ topic: 'a meeting', ended: { endedMinutesAgo: 60, participants: 2 } }],
			webinars: [{ topic: 'a webinar', ended: { endedMinutesAgo: 45, participants: 5 } }],
		});
		const poll = pollContext({ sandboxUrl: h.sandbox.url, token, parameters: { hosts: 'me', sessionTypes, includeParticipants: true } });
		const items = ((await new ZoomDailySyncTrigger().poll.call(poll))?.[0] ?? []).map((i) => i.json);
		const expected = [['meeting', meetings[0].instances[0].uuid]];
		if (sessionTypes === 'both') expected.push(['webinar', webinars[0].instances[0].uuid]);
		expect(items.map((i) => [i.sessionType, i.uuid]).sort()).toEqual(expected.sort());
		const log = (await h.control('GET', '/requests')) as Array<{ path: string; status: number }>;
		expect(log.filter((r) => r.status >= 400)).toEqual([]);
		expect(log.filter((r) => r.path.startsWith('/v2/past_meetings/')).map((r) => decodeURIComponent(decodeURIComponent(r.path)))).toEqual([
			`/v2/past_meetings/${meetings[0].instances[0].uuid}/participants`,
		]);
	});
});
