/**
 * The sandbox sends every event the trigger offers, about a seeded meeting or webinar, and each payload it posts
 * type-checks against Rivet's type of that event.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rivetEventTypes } from '../contract/eventSkeletons';
import { rivetTypeProblems } from '../contract/rivetTypeCheck';
import { EVENT_OPTIONS } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/eventCatalog';
import { startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
const bodies: string[] = [];
const receiver = http.createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		bodies.push(Buffer.concat(chunks).toString('utf8'));
		res.writeHead(200).end('{}');
	});
});
let url = '';

beforeAll(async () => {
	h = await startHarness();
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
	url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
	receiver.closeAllConnections();
	await new Promise<void>((r) => receiver.close(() => r()));
	await h.sandbox.close();
});

it('sends every offered event shaped as Rivet types it', async () => {
	const seeded = await h.control('POST', '/scenario', {
		meetings: [{ topic: 'Every event', registrants: 2, ended: { participants: 3, recording: true } }],
		webinars: [{ topic: 'Every webinar event', registrants: 2, ended: { participants: 3 } }],
	});
	const meetingId = seeded.meetings[0].id;
	const webinarId = seeded.webinars[0].id;
	// meeting.summary_completed is sent only once the instance has a summary, as Zoom sends it.
	await h.control('POST', '/summaries', { meetingId, overview: 'What was decided.' });
	const offered = new Set(EVENT_OPTIONS.map((o) => String(o.value)));
	const types = rivetEventTypes().filter((t) => offered.has(t.event));
	const values = [];
	for (const t of types) {
		const about = t.event.startsWith('webinar.') ? { webinarId } : t.event.startsWith('meeting.') || t.event.startsWith('recording.') ? { meetingId } : {};
		const sent = await h.control('POST', '/webhooks/send', { url, event: t.event, ...about });
		expect(sent.attempts[0].status).toBe(200);
		const body = JSON.parse(sent.body);
		expect(body.event).toBe(t.event);
		values.push({ label: t.event, module: t.module, type: `${t.typeName}['payload']`, value: body.payload });
	}
	expect(values).toHaveLength(offered.size - 1);
	expect(bodies).toHaveLength(values.length);
	// One known difference: the sandbox's transcript file has recording_type audio_transcript, as Zoom's REST
	// recordings list it (Rivet's CloudRecordingGetMeetingRecordingsResponse); Rivet's event enum lacks the value.
	const known = /^recording\.(completed|transcript_completed): Type '"audio_transcript"' is not assignable/;
	expect(rivetTypeProblems(values).filter((problem) => !known.test(problem))).toEqual([]);
});
