/**
 * The nodes call the endpoints Zoom has, and read them the way Zoom answers (issue 15, points 1, 4, 5, 8):
 * node code run against the sandbox through nodeContext, the sandbox's request log checked.
 */
import type { IDataObject } from 'n8n-workflow';

import { execute as pastSessionGet } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/pastSession/get';
import { execute as pastSessionParticipants } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/pastSession/getParticipants';
import { execute as userGetAll } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/user/getAll';
import { operations as webinarOperations } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/webinar';
import { ZoomDailySyncTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/ZoomDailySyncTrigger.node';
import { startHarness, type Harness } from './helpers';
import { executeContext, pollContext } from './nodeContext';

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

interface LogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
}
const requests = async (): Promise<LogEntry[]> => (await h.control('GET', '/requests')) as LogEntry[];
const context = (parameters: IDataObject) => executeContext({ sandboxUrl: h.sandbox.url, token, parameters });
const seed = async (body: Record<string, unknown>) => await h.control('POST', '/scenario', body);

describe('point 1: a webinar’s details come from GET /report/webinars/{id}, not /past_webinars/{id}', () => {
	it('the sandbox answers /past_webinars/{id} as an unknown endpoint, as Zoom does', async () => {
		const { webinars } = await seed({ webinars: [{ topic: 'W', ended: { participants: 2 } }] });
		const res = await h.api(token).get(`/past_webinars/${webinars[0].id}`);
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ code: 404, message: expect.any(String) });
	});

	it('Past Session › Get of a webinar reads its report', async () => {
		const { webinars } = await seed({ webinars: [{ topic: 'Quarterly', ended: { participants: 4 } }] });
		await h.control('DELETE', '/requests');
		const out = await pastSessionGet.call(context({ sessionType: 'webinar', sessionId: String(webinars[0].id) }), 0);
		expect(out).toEqual(expect.objectContaining({ id: webinars[0].id, uuid: webinars[0].latestUuid, topic: 'Quarterly', participants_count: 4 }));
		expect((await requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /v2/report/webinars/${webinars[0].id} 200`]);
	});

	it('webinar Get Participants with Add Session Fields reads the report, then the rows of that instance', async () => {
		const { webinars } = await seed({ webinars: [{ topic: 'Launch', ended: { participants: 3 } }] });
		await h.control('DELETE', '/requests');
		const rows = await pastSessionParticipants.call(
			context({ sessionType: 'webinar', sessionId: String(webinars[0].id), returnAll: true, addSessionFields: true }),
			0,
		);
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.sessionUuid === webinars[0].latestUuid && r.sessionTopic === 'Launch')).toBe(true);
		const log = await requests();
		expect(log.map((r) => r.status)).toEqual([200, 200]);
		expect(log[0].path).toBe(`/v2/report/webinars/${webinars[0].id}`);
		expect(log[1].path).toMatch(/^\/v2\/past_webinars\/[^/]+\/participants$/);
	});
});

describe('the Daily Sync (points 1, 4, 5)', () => {
	it('emits ended webinars from their reports and every session’s host from what Zoom sends', async () => {
		const users = [{ email: 'sync-host@example.com', first_name: 'Sync', last_name: 'Host' }];
		const seeded = await seed({
			users,
			meetings: [{ hostEmail: users[0].email, topic: 'a meeting', ended: { endedMinutesAgo: 60, participants: 2 } }],
			webinars: [{ hostEmail: users[0].email, topic: 'a webinar', ended: { endedMinutesAgo: 50, participants: 2 } }],
		});
		const hostId = seeded.users[0].id;
		await h.control('DELETE', '/requests');
		const poll = pollContext({ sandboxUrl: h.sandbox.url, token, parameters: { hosts: 'list', userIds: users[0].email, sessionTypes: 'both' } });
		const result = await new ZoomDailySyncTrigger().poll.call(poll);
		const items = (result?.[0] ?? []).map((i) => i.json);
		expect(items.map((i) => [i.sessionType, i.topic, i.hostId]).sort()).toEqual([
			['meeting', 'a meeting', hostId],
			['webinar', 'a webinar', hostId],
		]);
		expect(items.find((i) => i.sessionType === 'webinar')?.endTime).toEqual(expect.any(String));
		const log = await requests();
		expect(log.filter((r) => r.status !== 200)).toEqual([]);
		expect(log.some((r) => r.path.startsWith('/v2/report/webinars/'))).toBe(true);
	});

	it('with hosts "me", the host ID is the token user’s, read once; a listed user ID is used as it is', async () => {
		const owner = (await h.api(token).get('/users/me')).data.id as string;
		await seed({ meetings: [1, 2].map((i) => ({ topic: `mine ${i}`, ended: { endedMinutesAgo: 60 + i, participants: 2 } })) });
		await h.control('DELETE', '/requests');
		const mine = await new ZoomDailySyncTrigger().poll.call(pollContext({ sandboxUrl: h.sandbox.url, token, parameters: { hosts: 'me' } }));
		expect((mine?.[0] ?? []).map((i) => i.json.hostId)).toEqual([owner, owner]);
		expect((await requests()).filter((r) => r.path === '/v2/users/me')).toHaveLength(1);

		await h.control('DELETE', '/requests');
		const listed = await new ZoomDailySyncTrigger().poll.call(pollContext({ sandboxUrl: h.sandbox.url, token, parameters: { hosts: 'list', userIds: owner } }));
		expect((listed?.[0] ?? []).map((i) => i.json.hostId)).toEqual([owner, owner]);
		expect((await requests()).map((r) => r.path)).toEqual([`/v2/report/users/${owner}/meetings`]);
	});

	it('walks every page of a host’s webinars by page_number', async () => {
		await h.control('POST', '/config', { maxPageSize: 2 });
		const users = [{ email: 'many-webinars@example.com', first_name: 'Many', last_name: 'Webinars' }];
		const webinars = Array.from({ length: 5 }, (_, i) => ({ hostEmail: users[0].email, topic: `w${i}`, ended: { endedMinutesAgo: 40 + i, participants: 1 } }));
		await seed({ users, webinars });
		await h.control('DELETE', '/requests');
		const poll = pollContext({ sandboxUrl: h.sandbox.url, token, parameters: { hosts: 'list', userIds: users[0].email, sessionTypes: 'webinar' } });
		const result = await new ZoomDailySyncTrigger().poll.call(poll);
		expect((result?.[0] ?? []).map((i) => i.json.topic).sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
		const lists = (await requests()).filter((r) => /^\/v2\/users\/[^/]+\/webinars$/.test(r.path));
		expect(lists.map((r) => r.query.page_number)).toEqual(['1', '2', '3']);
	});
});

describe('point 5: Webinar › Get Many pages by page_number', () => {
	it('returns every webinar of a host with more than a page', async () => {
		await h.control('POST', '/config', { maxPageSize: 3 });
		const users = [{ email: 'lister@example.com', first_name: 'Web', last_name: 'Lister' }];
		const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + 'Z';
		await seed({ users, webinars: Array.from({ length: 7 }, (_, i) => ({ hostEmail: users[0].email, topic: `upcoming ${i}`, start_time: future })) });
		await h.control('DELETE', '/requests');
		const out = await webinarOperations.getAll.execute.call(context({ userId: users[0].email, returnAll: true, listType: 'scheduled' }), 0);
		expect(out.map((w) => w.topic).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `upcoming ${i}`));
		expect((await requests()).map((r) => r.query.page_number)).toEqual(['1', '2', '3']);
	});

	it('the sandbox’s list webinars ignores next_page_token and sends none, like Zoom', async () => {
		await h.control('POST', '/config', { maxPageSize: 2 });
		const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + 'Z';
		await seed({ webinars: Array.from({ length: 3 }, (_, i) => ({ topic: `t${i}`, start_time: future })) });
		const first = await h.api(token).get('/users/me/webinars', { params: { page_size: 2 } });
		expect(first.data).not.toHaveProperty('next_page_token');
		expect(first.data).toEqual(expect.objectContaining({ page_count: 2, page_number: 1, total_records: 3 }));
		const again = await h.api(token).get('/users/me/webinars', { params: { page_size: 2, next_page_token: 'anything' } });
		expect(again.data.webinars).toEqual(first.data.webinars);
		const second = await h.api(token).get('/users/me/webinars', { params: { page_size: 2, page_number: 2 } });
		expect(second.data.webinars).toHaveLength(1);
	});
});

describe('point 8: List users takes page_size up to 2000', () => {
	it('User › Get Many reads 350 users in one request', async () => {
		const users = Array.from({ length: 349 }, (_, i) => ({ email: `u${i}@example.com`, first_name: 'U', last_name: String(i) }));
		await seed({ users });
		await h.control('DELETE', '/requests');
		const out = await userGetAll.call(context({ returnAll: true, status: 'active' }), 0);
		expect(out).toHaveLength(350); // the owner and 349 more
		const log = await requests();
		expect(log).toHaveLength(1);
		expect(log[0].query.page_size).toBe('2000');
	});

	it('the sandbox clamps page_size to 2000 for /users and to 300 elsewhere', async () => {
		const users = await h.api(token).get('/users', { params: { page_size: 5000 } });
		expect(users.data.page_size).toBe(2000);
		const meetings = await h.api(token).get('/users/me/meetings', { params: { page_size: 5000 } });
		expect(meetings.data.page_size).toBe(300);
	});
});
