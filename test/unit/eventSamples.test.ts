/**
 * Every event Zoom's SDK types for meetings, webinars, recordings and users is an option of the trigger, its
 * generated shape (eventSkeletons.ts) is current with the installed Rivet, and the sample built for it
 * type-checks against Rivet's event type (compiled with TypeScript, excess fields refused).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EVENT_OPTIONS } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/eventCatalog';
import { sampleBody, sampleEvents, samplePayload } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/samples';
import { summarise } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/item';
import { rivetEventTypes } from '../contract/eventSkeletons';
import { renderSkeletonFile, SKELETON_FILE } from '../contract/renderEventSkeletons';
import { rivetTypeProblems } from '../contract/rivetTypeCheck';

const ROOT = join(__dirname, '..', '..');
const FAMILIES = ['meeting.', 'webinar.', 'recording.', 'user.'];

describe('the trigger’s events', () => {
	it('are every meeting, webinar, recording and user event Rivet types, plus app_deauthorized and All', () => {
		const rivet = rivetEventTypes()
			.map((t) => t.event)
			.filter((event) => FAMILIES.some((f) => event.startsWith(f)));
		const offered = EVENT_OPTIONS.map((o) => String(o.value));
		expect([...offered].sort()).toEqual(['*', 'app_deauthorized', ...rivet].sort());
		// The ones the issue names, spelled as Zoom does.
		for (const event of ['meeting.registration_approved', 'meeting.registration_denied', 'meeting.registration_cancelled', 'webinar.updated', 'webinar.deleted', 'recording.started', 'recording.stopped', 'recording.trashed', 'recording.deleted', 'recording.recovered', 'meeting.summary_completed', 'meeting.participant_joined_waiting_room', 'meeting.participant_left_waiting_room']) {
			expect(offered).toContain(event);
		}
	});

	it('are listed by name in alphabetical order after All, each once', () => {
		const names = EVENT_OPTIONS.slice(1).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(new Set(EVENT_OPTIONS.map((o) => o.value)).size).toBe(EVENT_OPTIONS.length);
	});

	it('have shapes generated from the installed Rivet (npx tsx test/contract/writeEventSkeletons.ts)', () => {
		expect(readFileSync(join(ROOT, SKELETON_FILE), 'utf8')).toBe(renderSkeletonFile());
	});
});

describe('sample deliveries', () => {
	it('type-check against Rivet’s type of each event', () => {
		const types = rivetEventTypes().filter((t) => samplePayload(t.event) !== undefined);
		expect(types.length).toBe(EVENT_OPTIONS.length - 1);
		const values = types.map((t) => ({ label: t.event, module: t.module, type: `${t.typeName}['payload']`, value: samplePayload(t.event) }));
		expect(rivetTypeProblems(values)).toEqual([]);
	});

	it('become items with the event’s fields at the top', () => {
		const ended = summarise(sampleBody('meeting.ended')!);
		expect(ended).toEqual(expect.objectContaining({ event: 'meeting.ended', meetingId: '85746065432', topic: 'Weekly team sync', startTime: '2026-11-30T15:00:00Z', endTime: '2026-11-30T16:00:00Z' }));
		const waiting = summarise(sampleBody('meeting.participant_joined_waiting_room')!);
		expect(waiting).toEqual(expect.objectContaining({ participantName: 'Jill Chill', participantEmail: 'jill.chill@example.com' }));
		const approved = summarise(sampleBody('webinar.registration_approved')!);
		expect(approved).toEqual(expect.objectContaining({ webinarId: '85746065432', registrantEmail: 'jill.chill@example.com', registrantJoinUrl: expect.stringContaining('https://') }));
		const user = summarise(sampleBody('user.created')!);
		expect(user).toEqual(expect.objectContaining({ userId: 'KDcuGIm1QgePTO8WbOqwIQ', userEmail: 'jill.chill@example.com' }));
	});

	it('are offered for the selected events, and for All a few common ones', () => {
		expect(sampleEvents(['webinar.deleted', 'recording.trashed'])).toEqual(['webinar.deleted', 'recording.trashed']);
		expect(sampleEvents(['*'])).toContain('meeting.ended');
	});
});
