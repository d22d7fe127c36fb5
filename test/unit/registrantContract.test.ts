/**
 * Issue 28, point 5: what Registrant › Get and Add and Recording › Download send or match, held to Zoom's types
 * in @zoom/rivet (read from the installed .d.ts, test/contract/rivetTypes.ts). The fake context records the
 * request the node builds; its answer plays no part in what is checked.
 */
import type { INodeProperties } from 'n8n-workflow';

import { description as addDescription, execute as add } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/registrant/add';
import { description as getDescription, execute as get } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/registrant/get';
import { pickFile } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/recording/files';
import { rivetFields, rivetLiterals } from '../contract/rivetTypes';
import { fakeZoomContext } from './fakeZoomContext';

const SESSION = { meeting: { sessionType: 'meeting', meetingId: '81234567890' }, webinar: { sessionType: 'webinar', webinarId: '91234567890' } };

describe('Registrant › Get', () => {
	it('Zoom’s meeting endpoint takes no occurrence_id, the webinar one does', () => {
		expect(() => rivetFields('meetings', 'MeetingsGetMeetingRegistrantQueryParams')).toThrow(/exports no type/);
		expect(rivetFields('meetings', 'WebinarsGetWebinarRegistrantQueryParams')).toEqual(new Set(['occurrence_id']));
	});

	it.each([
		['meeting', undefined],
		['webinar', '1648194360000'],
	] as const)('a %s: occurrence_id sent only where Zoom takes it (%s)', async (kind, expected) => {
		const { context, requests } = fakeZoomContext(() => ({ body: { id: 'r1' } }), { environment: 'zoom' }, {
			...SESSION[kind],
			registrantId: 'r1',
			occurrenceId: '1648194360000',
		});
		await get.call(context, 0);
		expect(requests).toHaveLength(1);
		expect((requests[0].qs ?? {}).occurrence_id).toBe(expected);
	});

	it('shows Occurrence ID for webinars only', () => {
		const field = getDescription.find((p) => p.name === 'occurrenceId');
		expect(field?.displayOptions?.show).toEqual({ resource: ['registrant'], operation: ['get'], sessionType: ['webinar'] });
	});
});

describe('Registrant › Add › Language', () => {
	const language = ((addDescription.find((p) => p.name === 'additionalFields')?.options ?? []) as INodeProperties[]).find((o) => o.name === 'language');

	it('offers exactly Zoom’s codes, for meetings and webinars alike', () => {
		const meeting = rivetLiterals('meetings', 'MeetingsAddMeetingRegistrantRequestBody', ['language']);
		expect(meeting).toHaveLength(14);
		expect(rivetLiterals('meetings', 'WebinarsAddWebinarRegistrantRequestBody', ['language']).sort()).toEqual([...meeting].sort());
		expect(language?.type).toBe('options');
		expect((language?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([...meeting].sort());
	});

	const addWith = async (value: string) => {
		const { context, requests } = fakeZoomContext(() => ({ body: { id: 'r1' } }), { environment: 'zoom' }, {
			...SESSION.webinar,
			email: 'jane@example.com',
			firstName: 'Jane',
			additionalFields: { language: value },
		});
		return { run: add.call(context, 0), requests };
	};

	it.each([
		['en-US', 'en-US'],
		['Tr-TR', 'Tr-TR'],
		['tr-tr', 'Tr-TR'],
		[' ko-KO ', 'ko-KO'],
	])('a saved workflow’s "%s" is sent as Zoom’s "%s"', async (saved, sent) => {
		const { run, requests } = await addWith(saved);
		await run;
		expect((requests[0].body as { language?: string }).language).toBe(sent);
	});

	it('another value is refused before any call, naming the field and Zoom’s codes', async () => {
		const { run, requests } = await addWith('English');
		await expect(run).rejects.toMatchObject({ message: expect.stringContaining('"Language"'), description: expect.stringContaining('en-US') });
		expect(requests).toHaveLength(0);
	});
});

describe('Recording › Download › Timeline', () => {
	const listed = rivetLiterals('meetings', 'CloudRecordingGetMeetingRecordingsResponse', ['recording_files', 'file_type']);
	const context = fakeZoomContext(() => ({ body: {} })).context;
	const recording = (fileType: string) => ({ topic: 'T', recording_files: [{ id: 'f1', file_type: fileType, download_url: 'https://zoom.us/rec/download/f1' }] });

	it('Zoom lists the timeline as TB', () => {
		expect(listed).toContain('TB');
		expect(listed).not.toContain('TIMELINE');
	});

	it.each(['TB', 'TIMELINE'])('Timeline finds a file Zoom lists as %s', (fileType) => {
		expect(pickFile(context, 0, recording(fileType), { fileType: 'TIMELINE' })).toMatchObject({ id: 'f1' });
	});

	it('other types still match only themselves', () => {
		expect(() => pickFile(context, 0, recording('TB'), { fileType: 'MP4' })).toThrow(/no MP4 file/);
	});
});
