/**
 * Meetings, webinars and registrants through the Zoom Connector node in a real n8n against the sandbox:
 * every operation with both credentials, IDs checked before any call, Zoom's errors, Continue On Fail,
 * no repeated POST after a 5xx, and registrant status updates batched by 30.
 */
import { harness } from '../harness/context';
import { runZoomConnector } from '../harness/workflows';

type Kind = 'oauth2' | 's2s';
type Logged = { method: string; path: string; query?: Record<string, string>; status: number };

const h = () => harness();


const run = (kind: Kind, parameters: Record<string, unknown>, options: { items?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {}) =>
	runZoomConnector(h().n8n, kind, parameters, options);

/** Runs one operation and returns its items, failing the test with the node's error if there is one. */
async function ok(kind: Kind, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) {
	const result = await run(kind, parameters, { items });
	expect(result.nodes.Zoom.error).toBeUndefined();
	return result.json('Zoom');
}

async function zoomRequests(): Promise<Logged[]> {
	const response = await h().sandbox.get('/_sandbox/requests');
	expect(response.status).toBe(200);
	return (response.data as Logged[]).filter((r) => r.path.startsWith('/v2/'));
}

const spaced = (id: number) => String(id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3');

afterEach(async () => {
	await h().sandbox.delete('/_sandbox/faults');
});

describe.each<Kind>(['oauth2', 's2s'])('meetings with %s', (kind) => {
	it('create, get (pasted ID and join URL), update, invitation, list, delete', async () => {
		const meeting = { resource: 'meeting' };
		const [created] = await ok(kind, {
			...meeting,
			operation: 'create',
			userId: 'me',
			topic: `Planning ${kind}`,
			type: 2,
			startTime: '2030-07-01T09:30:00',
			additionalFields: { timezone: 'Europe/Berlin', duration: 45, password: 'abc123', agenda: 'Roadmap' },
			settings: {
				waitingRoom: true,
				muteUponEntry: true,
				autoRecording: 'cloud',
				approvalType: 0,
				alternativeHosts: 'alt1@example.com, alt2@example.com',
			},
		});
		// What users need is at the top level of the item.
		expect(created).toMatchObject({
			id: expect.any(Number),
			uuid: expect.stringMatching(/==$/),
			join_url: expect.stringContaining(`/j/${created.id}`),
			start_url: expect.stringContaining(`/s/${created.id}`),
			password: 'abc123',
			// 09:30 in Berlin in July is 07:30 UTC: the local time reached Zoom with the zone.
			start_time: '2030-07-01T07:30:00Z',
			timezone: 'Europe/Berlin',
			duration: 45,
			agenda: 'Roadmap',
			type: 2,
		});
		expect(created.settings).toMatchObject({
			waiting_room: true,
			mute_upon_entry: true,
			auto_recording: 'cloud',
			approval_type: 0,
			alternative_hosts: 'alt1@example.com;alt2@example.com',
		});

		const [byPastedId] = await ok(kind, { ...meeting, operation: 'get', meetingId: spaced(created.id) });
		expect(byPastedId).toMatchObject({ id: created.id, topic: `Planning ${kind}` });
		const [byUrl] = await ok(kind, { ...meeting, operation: 'get', meetingId: created.join_url });
		expect(byUrl.uuid).toBe(created.uuid);

		const updated = await ok(kind, {
			...meeting,
			operation: 'update',
			meetingId: String(created.id),
			// An instant with offset, shown in New York time: Zoom gets 08:00 local and keeps 12:00 UTC.
			updateFields: { topic: 'Planning (moved)', startTime: '2030-08-01T12:00:00Z', timezone: 'America/New_York' },
			settings: { muteUponEntry: false },
		});
		expect(updated).toEqual([{ success: true, id: created.id }]);
		const [after] = await ok(kind, { ...meeting, operation: 'get', meetingId: created.id, simplify: false });
		expect(after).toMatchObject({ topic: 'Planning (moved)', start_time: '2030-08-01T12:00:00Z', timezone: 'America/New_York' });
		// Zoom merges settings: the waiting room stays on.
		expect(after.settings).toMatchObject({ waiting_room: true, mute_upon_entry: false });

		const [invitation] = await ok(kind, { ...meeting, operation: 'getInvitation', meetingId: created.id });
		expect(invitation.id).toBe(created.id);
		expect(invitation.invitation).toContain(created.join_url);
		expect(invitation.invitation).toContain('Planning (moved)');

		const listed = await ok(kind, { ...meeting, operation: 'getAll', userId: 'me', listType: 'upcoming_meetings', returnAll: true });
		expect(listed.map((m) => m.id)).toContain(created.id);
		const limited = await ok(kind, { ...meeting, operation: 'getAll', userId: 'me', listType: 'scheduled', returnAll: false, limit: 1 });
		expect(limited).toHaveLength(1);

		await h().sandbox.delete('/_sandbox/requests');
		const deleted = await ok(kind, {
			...meeting,
			operation: 'delete',
			meetingId: created.id,
			options: { scheduleForReminder: true, cancelMeetingReminder: true },
		});
		expect(deleted).toEqual([{ deleted: true }]);
		const [call] = (await zoomRequests()).filter((r) => r.method === 'DELETE');
		expect(call).toMatchObject({
			path: `/v2/meetings/${created.id}`,
			query: { schedule_for_reminder: 'true', cancel_meeting_reminder: 'true' },
			status: 204,
		});
		const gone = await run(kind, { ...meeting, operation: 'get', meetingId: created.id });
		expect(gone.nodes.Zoom.error?.message).toBe(`Meeting ${created.id} not found (Zoom code 3001)`);
	});
});

describe('meeting details', () => {
	it('a weekly recurring meeting with a fixed time gets its rule and occurrences; one occurrence is deleted', async () => {
		const [created] = await ok('oauth2', {
			resource: 'meeting',
			operation: 'create',
			userId: 'me',
			topic: 'Standup',
			type: 8,
			startTime: '2030-03-04T09:00:00',
			additionalFields: { timezone: 'Europe/Berlin', duration: 15 },
			recurrence: { rule: { type: 2, repeatInterval: 1, weeklyDays: [4, 2], ends: 'times', endTimes: 4 } },
			settings: { approvalType: 1, registrationType: 2 },
		});
		expect(created.recurrence).toMatchObject({ type: 2, repeat_interval: 1, weekly_days: '2,4', end_times: 4 });
		expect(created.occurrences).toHaveLength(4);
		expect(created.settings).toMatchObject({ approval_type: 1, registration_type: 2 });

		const occurrence = created.occurrences[1].occurrence_id;
		const deleted = await ok('oauth2', { resource: 'meeting', operation: 'delete', meetingId: created.id, options: { occurrenceId: occurrence } });
		expect(deleted).toEqual([{ deleted: true }]);
		const [after] = await ok('oauth2', { resource: 'meeting', operation: 'get', meetingId: created.id, simplify: false });
		expect(after.occurrences.find((o: { occurrence_id: string }) => o.occurrence_id === occurrence).status).toBe('deleted');
	});

	it('refuses bad input before any call: an ID that is not one, a missing rule, a bad time zone', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		const badId = await run('oauth2', { resource: 'meeting', operation: 'get', meetingId: 'next tuesday' });
		expect(badId.nodes.Zoom.error?.message).toBe('The field "Meeting ID" is not a meeting ID: "next tuesday"');
		expect(badId.nodes.Zoom.error?.description).toContain('join URL');

		const noRule = await run('oauth2', { resource: 'meeting', operation: 'create', userId: 'me', topic: 'x', type: 8, startTime: '2030-03-04T09:00:00' });
		expect(noRule.nodes.Zoom.error?.message).toBe('The field "Recurrence" is empty');

		const badZone = await run('oauth2', {
			resource: 'meeting',
			operation: 'create',
			userId: 'me',
			topic: 'x',
			type: 2,
			additionalFields: { timezone: 'Berlin' },
		});
		expect(badZone.nodes.Zoom.error?.message).toBe('The field "Time Zone" is not an IANA time zone: "Berlin"');

		const badTime = await run('oauth2', { resource: 'meeting', operation: 'create', userId: 'me', topic: 'x', type: 2, startTime: 'soon' });
		expect(badTime.nodes.Zoom.error?.message).toMatch(/^The field "Start Time" is not a date-time/);

		expect(await zoomRequests()).toEqual([]);
	});

	it('turns Zoom’s 3001 into a clear error; Continue On Fail gives one error item per failed item', async () => {
		const [created] = await ok('s2s', { resource: 'meeting', operation: 'create', userId: 'me', topic: 'Kept', type: 3 });
		const missing = await run('s2s', { resource: 'meeting', operation: 'get', meetingId: '123456789' });
		expect(missing.nodes.Zoom.error?.message).toBe('Meeting 123456789 not found (Zoom code 3001)');

		await h().sandbox.delete('/_sandbox/requests');
		const tolerant = await run(
			's2s',
			{ resource: 'meeting', operation: 'get', meetingId: '={{ $json.id }}' },
			{ items: [{ id: created.join_url }, { id: '123 456 789' }, { id: 'abc' }, { id: created.id }], continueOnFail: true },
		);
		expect(tolerant.nodes.Zoom.error).toBeUndefined();
		const items = tolerant.nodes.Zoom.items[0];
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ id: created.id, topic: 'Kept' }),
			{ error: 'Meeting 123456789 not found (Zoom code 3001)', zoomCode: 3001, httpCode: '404' },
			{ error: 'The field "Meeting ID" is not a meeting ID: "abc"' },
			expect.objectContaining({ id: created.id, topic: 'Kept' }),
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		// The bad ID made no call: three GETs for four items.
		expect((await zoomRequests()).filter((r) => r.method === 'GET')).toHaveLength(3);
	});

	it('does not repeat a create whose POST got a 502, and says why', async () => {
		await h().sandbox.post('/_sandbox/faults', { method: 'POST', path: '/v2/users/me/meetings', kind: 'status', status: 502, count: 1 });
		await h().sandbox.delete('/_sandbox/requests');
		const failed = await run('oauth2', { resource: 'meeting', operation: 'create', userId: 'me', topic: 'Once only', type: 2 });
		expect(failed.nodes.Zoom.error).toBeDefined();
		expect(failed.nodes.Zoom.error?.description).toMatch(/not repeated/);
		const posts = (await zoomRequests()).filter((r) => r.method === 'POST');
		expect(posts).toEqual([expect.objectContaining({ path: '/v2/users/me/meetings', status: 502 })]);
	});
});

describe.each<Kind>(['oauth2', 's2s'])('webinars with %s', (kind) => {
	it('create, get, update, list, delete', async () => {
		const webinar = { resource: 'webinar' };
		const [created] = await ok(kind, {
			...webinar,
			operation: 'create',
			userId: 'me',
			topic: `Launch ${kind}`,
			type: 5,
			startTime: '2030-01-15T18:00:00+01:00',
			additionalFields: { timezone: 'Asia/Tokyo', duration: 90, password: 'w3b' },
			settings: { practiceSession: true, panelistsVideo: true, approvalType: 0 },
		});
		expect(created).toMatchObject({
			id: expect.any(Number),
			uuid: expect.any(String),
			join_url: expect.stringContaining(`/w/${created.id}`),
			start_url: expect.any(String),
			password: 'w3b',
			start_time: '2030-01-15T17:00:00Z',
			timezone: 'Asia/Tokyo',
			type: 5,
		});
		expect(created.settings).toMatchObject({ practice_session: true, panelists_video: true, approval_type: 0 });

		const [got] = await ok(kind, { ...webinar, operation: 'get', webinarId: created.join_url });
		expect(got.topic).toBe(`Launch ${kind}`);

		const updated = await ok(kind, { ...webinar, operation: 'update', webinarId: spaced(created.id), updateFields: { duration: 30, agenda: 'Q&A' } });
		expect(updated).toEqual([{ success: true, id: created.id }]);
		const [after] = await ok(kind, { ...webinar, operation: 'get', webinarId: created.id, simplify: false });
		expect(after).toMatchObject({ duration: 30, agenda: 'Q&A', settings: expect.objectContaining({ practice_session: true }) });

		const listed = await ok(kind, { ...webinar, operation: 'getAll', userId: 'me', listType: 'upcoming', returnAll: true });
		expect(listed.map((w) => w.id)).toContain(created.id);

		const deleted = await ok(kind, { ...webinar, operation: 'delete', webinarId: created.id, options: { cancelWebinarReminder: true } });
		expect(deleted).toEqual([{ deleted: true }]);
		const gone = await run(kind, { ...webinar, operation: 'get', webinarId: created.id });
		expect(gone.nodes.Zoom.error?.message).toBe(`Webinar ${created.id} not found (Zoom code 3001)`);
	});
});

describe('registrants', () => {
	it.each<Kind>(['oauth2', 's2s'])('add returns the personal join URL; list shows the answers (%s)', async (kind) => {
		for (const sessionType of ['meeting', 'webinar'] as const) {
			const [session] = await ok(kind, {
				resource: sessionType,
				operation: 'create',
				userId: 'me',
				topic: `Open ${sessionType}`,
				type: sessionType === 'meeting' ? 2 : 5,
				startTime: '2030-05-05T10:00:00Z',
				settings: { approvalType: 0 },
			});
			const idField = sessionType === 'meeting' ? 'meetingId' : 'webinarId';
			const [added] = await ok(kind, {
				resource: 'registrant',
				operation: 'add',
				sessionType,
				[idField]: session.join_url,
				email: 'ada@example.com',
				firstName: 'Ada',
				customQuestions: { answer: [{ title: 'Team', value: 'Engines' }] },
				additionalFields: { lastName: 'Lovelace', org: 'Analytical' },
			});
			expect(added).toMatchObject({
				id: session.id,
				registrant_id: expect.any(String),
				join_url: expect.stringMatching(new RegExp(`/${sessionType === 'meeting' ? 'j' : 'w'}/${session.id}\\?tk=`)),
			});
			const listed = await ok(kind, { resource: 'registrant', operation: 'getAll', sessionType, [idField]: session.id, status: 'approved', returnAll: true });
			expect(listed).toEqual([
				expect.objectContaining({
					id: added.registrant_id,
					email: 'ada@example.com',
					last_name: 'Lovelace',
					org: 'Analytical',
					custom_questions: [{ title: 'Team', value: 'Engines' }],
				}),
			]);
		}
	});

	it('approve, deny and cancel many, by email and registrant ID, in batches of 30', async () => {
		const [meeting] = await ok('oauth2', {
			resource: 'meeting',
			operation: 'create',
			userId: 'me',
			topic: 'Manual approval',
			type: 2,
			startTime: '2030-05-05T10:00:00Z',
			settings: { approvalType: 1 },
		});
		const people = Array.from({ length: 65 }, (_, i) => ({ email: `guest${i}@example.com`, first: `Guest${i}` }));
		const added = await ok(
			'oauth2',
			{ resource: 'registrant', operation: 'add', sessionType: 'meeting', meetingId: meeting.id, email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
			people,
		);
		expect(added).toHaveLength(65);
		// Manual approval: registered, but no join URL until approved.
		expect(added.every((r) => r.registrant_id && r.join_url === undefined)).toBe(true);

		const registrants = (status: string) =>
			ok('oauth2', { resource: 'registrant', operation: 'getAll', sessionType: 'meeting', meetingId: meeting.id, status, returnAll: true });
		expect(await registrants('pending')).toHaveLength(65);
		const limited = await ok('oauth2', {
			resource: 'registrant', operation: 'getAll', sessionType: 'meeting', meetingId: meeting.id, status: 'pending', returnAll: false, limit: 5,
		});
		expect(limited).toHaveLength(5);

		// 40 by email (one repeated in other case), 1 by registrant ID: 41 people, two PUTs (30 + 11).
		const approveList = [
			...people.slice(0, 40).map((p) => p.email),
			'GUEST0@example.com',
		].join(',\n') + `\n${added[40].registrant_id}`;
		await h().sandbox.delete('/_sandbox/requests');
		const [approved] = await ok('oauth2', { resource: 'registrant', operation: 'approve', sessionType: 'meeting', meetingId: meeting.id, registrants: approveList });
		expect(approved).toEqual({ success: true, action: 'approve', meetingId: meeting.id, updated: 41, requests: 2 });
		const puts = (await zoomRequests()).filter((r) => r.method === 'PUT');
		expect(puts.map((r) => [r.path, r.status])).toEqual([
			[`/v2/meetings/${meeting.id}/registrants/status`, 204],
			[`/v2/meetings/${meeting.id}/registrants/status`, 204],
		]);

		const rest = people.slice(41).map((p) => p.email);
		const [denied] = await ok('oauth2', { resource: 'registrant', operation: 'deny', sessionType: 'meeting', meetingId: meeting.id, registrants: rest.join(', ') });
		expect(denied).toMatchObject({ action: 'deny', updated: 24, requests: 1 });

		const [cancelled] = await ok('oauth2', {
			resource: 'registrant', operation: 'cancel', sessionType: 'meeting', meetingId: meeting.id, registrants: people.slice(0, 5).map((p) => p.email).join(';'),
		});
		expect(cancelled).toMatchObject({ action: 'cancel', updated: 5, requests: 1 });

		const approvedNow = await registrants('approved');
		expect(approvedNow).toHaveLength(36);
		expect(approvedNow.every((r) => typeof r.join_url === 'string' && r.join_url.includes('tk='))).toBe(true);
		expect(await registrants('pending')).toHaveLength(0);
		expect(await registrants('denied')).toHaveLength(29);

		const bad = await run('oauth2', { resource: 'registrant', operation: 'approve', sessionType: 'meeting', meetingId: meeting.id, registrants: 'jane@, x' });
		expect(bad.nodes.Zoom.error?.message).toBe('The field "Registrants" holds entries that are neither an email nor a registrant ID: jane@, x');
	});
});
