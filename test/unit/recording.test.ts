/** Pure parts of the Recording resource: one-month windows over a date range, and the WebVTT parser. */
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { addMonths, monthWindows, parseZoomDate, toZoomDate } from 'n8n-nodes-zoom-connector/nodes/shared/dateWindows';
import { formatTimestamp, parseTimestamp, parseVtt } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/recording/vtt';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The sandbox's rule for one call (the same as Zoom's wording): `to` no later than the same date a month after `from`. */
function withinZoomMonth(from: string, to: string): boolean {
	const f = new Date(`${from}T00:00:00Z`);
	return Date.parse(`${to}T00:00:00Z`) <= Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, f.getUTCDate());
}

describe('monthWindows', () => {
	it('splits a quarter into calendar months', () => {
		expect(monthWindows('2024-01-01', '2024-03-31')).toEqual([
			{ from: '2024-01-01', to: '2024-01-31' },
			{ from: '2024-02-01', to: '2024-02-29' },
			{ from: '2024-03-01', to: '2024-03-31' },
		]);
	});

	it('keeps a range shorter than a month in one window, a single day included', () => {
		expect(monthWindows('2024-05-10', '2024-05-20')).toEqual([{ from: '2024-05-10', to: '2024-05-20' }]);
		expect(monthWindows('2024-05-10', '2024-05-10')).toEqual([{ from: '2024-05-10', to: '2024-05-10' }]);
	});

	it('after a clamped month end (Jan 31 → Feb) every window still fits Zoom’s one-month rule', () => {
		const windows = monthWindows('2023-01-31', '2023-05-15');
		expect(windows[0]).toEqual({ from: '2023-01-31', to: '2023-02-27' });
		expect(windows[1]).toEqual({ from: '2023-02-28', to: '2023-03-27' });
		for (const w of windows) expect(withinZoomMonth(w.from, w.to)).toBe(true);
	});

	it('crosses a year end', () => {
		expect(monthWindows('2023-12-15', '2024-01-20')).toEqual([
			{ from: '2023-12-15', to: '2024-01-14' },
			{ from: '2024-01-15', to: '2024-01-20' },
		]);
	});

	it('refuses a reversed range and malformed dates', () => {
		expect(() => monthWindows('2024-02-01', '2024-01-01')).toThrow(/after it ends/);
		expect(() => monthWindows('2024-02-30', '2024-03-01')).toThrow(/not a yyyy-MM-dd/);
		expect(() => monthWindows('01/02/2024', '2024-03-01')).toThrow(/not a yyyy-MM-dd/);
	});

	const rangeArb = fc
		.tuple(fc.integer({ min: Date.UTC(2015, 0, 1) / DAY, max: Date.UTC(2030, 0, 1) / DAY }), fc.integer({ min: 0, max: 1200 }))
		.map(([start, length]) => [day(start * DAY), day((start + length) * DAY)] as const);

	it('property: windows are contiguous, cover [from, to] exactly, and each fits one Zoom call', () => {
		fc.assert(
			fc.property(rangeArb, ([from, to]) => {
				const windows = monthWindows(from, to);
				expect(windows[0].from).toBe(from);
				expect(windows[windows.length - 1].to).toBe(to);
				for (let i = 0; i < windows.length; i++) {
					const w = windows[i];
					expect(w.from <= w.to).toBe(true);
					expect(withinZoomMonth(w.from, w.to)).toBe(true);
					if (i > 0) expect(parseZoomDate(w.from)! - parseZoomDate(windows[i - 1].to)!).toBe(DAY);
				}
				// Nearly a month each: no more windows than months spanned plus one.
				const days = (parseZoomDate(to)! - parseZoomDate(from)!) / DAY + 1;
				expect(windows.length).toBeLessThanOrEqual(Math.ceil(days / 28) + 1);
				expect(windows.length).toBeGreaterThanOrEqual(Math.ceil(days / 31));
			}),
			{ numRuns: 200 },
		);
	});

	it('addMonths clamps to the end of a shorter month', () => {
		expect(day(addMonths(Date.UTC(2024, 0, 31), 1))).toBe('2024-02-29');
		expect(day(addMonths(Date.UTC(2023, 0, 31), 1))).toBe('2023-02-28');
		expect(day(addMonths(Date.UTC(2023, 11, 31), 2))).toBe('2024-02-29');
	});
});

describe('toZoomDate', () => {
	it('reads what n8n date fields and expressions give', () => {
		expect(toZoomDate('2024-03-01')).toBe('2024-03-01');
		expect(toZoomDate('2024-03-01T23:30:00')).toBe('2024-03-01');
		expect(toZoomDate('2024-03-01T23:30:00.000-05:00')).toBe('2024-03-01');
		expect(toZoomDate(new Date(Date.UTC(2024, 2, 1, 12)))).toBe('2024-03-01');
		// A Luxon DateTime in another zone counts by its UTC day, as Zoom does.
		expect(toZoomDate(DateTime.fromISO('2024-03-01T23:30:00', { zone: 'America/New_York' }))).toBe('2024-03-02');
	});

	it('refuses what is not a date', () => {
		for (const value of ['', 'yesterday', '2024-13-01', '2024-03-011', 20240301, null, undefined, {}]) {
			expect(toZoomDate(value)).toBeUndefined();
		}
	});
});

describe('WebVTT timestamps', () => {
	it('parses hours-minutes-seconds and minutes-seconds forms', () => {
		expect(parseTimestamp('00:00:01.000')).toBe(1);
		expect(parseTimestamp('01:02:03.456')).toBe(3723.456);
		expect(parseTimestamp('02:03.450')).toBe(123.45);
		expect(parseTimestamp('123:00:00.001')).toBe(442800.001);
		for (const bad of ['1:2:3', '00:60:00.000', '00:00:00', 'abc', '00:00:00.1']) expect(parseTimestamp(bad)).toBeUndefined();
	});

	it('property: format then parse gives back the milliseconds', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 400 * 3600_000 }), (ms) => {
				const text = formatTimestamp(ms / 1000);
				expect(text).toMatch(/^\d{2,}:[0-5]\d:[0-5]\d\.\d{3}$/);
				expect(Math.round(parseTimestamp(text)! * 1000)).toBe(ms);
			}),
		);
	});
});

describe('parseVtt', () => {
	// What Zoom writes for an audio transcript (same as the sandbox's TRANSCRIPT file).
	const ZOOM = [
		'WEBVTT',
		'',
		'1',
		'00:00:01.000 --> 00:00:05.000',
		'Jane Host: Hello everyone, thanks for joining today.',
		'',
		'2',
		'00:00:07.000 --> 00:00:11.500',
		'Participant 0: Can you all hear me okay?',
		'',
		'3',
		'01:00:13.250 --> 01:00:17.000',
		'Jane Host: Let us start: the agenda is at https://example.com/agenda.',
		'',
	].join('\n');

	it('reads Zoom’s numbered cues into speaker, times and text', () => {
		const transcript = parseVtt(ZOOM);
		expect(transcript.segments).toEqual([
			{ index: 1, cueId: '1', speaker: 'Jane Host', startSeconds: 1, endSeconds: 5, startTime: '00:00:01.000', endTime: '00:00:05.000', text: 'Hello everyone, thanks for joining today.' },
			{ index: 2, cueId: '2', speaker: 'Participant 0', startSeconds: 7, endSeconds: 11.5, startTime: '00:00:07.000', endTime: '00:00:11.500', text: 'Can you all hear me okay?' },
			{ index: 3, cueId: '3', speaker: 'Jane Host', startSeconds: 3613.25, endSeconds: 3617, startTime: '01:00:13.250', endTime: '01:00:17.000', text: 'Let us start: the agenda is at https://example.com/agenda.' },
		]);
		expect(transcript.speakers).toEqual(['Jane Host', 'Participant 0']);
		expect(transcript.durationSeconds).toBe(3617);
		expect(transcript.text).toBe(
			'Jane Host: Hello everyone, thanks for joining today.\nParticipant 0: Can you all hear me okay?\nJane Host: Let us start: the agenda is at https://example.com/agenda.',
		);
	});

	it('gives the same result for CRLF line ends and a byte-order mark', () => {
		expect(parseVtt(`\uFEFF${ZOOM.replace(/\n/g, '\r\n')}`)).toEqual(parseVtt(ZOOM));
	});

	it('reads voice tags, cue settings, cues without IDs, multi-line text and entities; skips NOTE and STYLE', () => {
		const vtt = [
			'WEBVTT - a header text',
			'',
			'STYLE',
			'::cue { color: white }',
			'',
			'NOTE this block has --> an arrow but is a comment',
			'',
			'00:01.000 --> 00:02.500 align:start position:10%',
			'<v.loud Ann Lee>Rock &amp; roll</v>',
			'',
			'intro',
			'00:00:03.000 --> 00:00:04.000',
			'no speaker here',
			'second line',
			'',
			'00:00:05.000 --> 00:00:xx.000',
			'Broken: timing is skipped',
		].join('\n');
		const { segments } = parseVtt(vtt);
		expect(segments).toEqual([
			expect.objectContaining({ index: 1, cueId: '', speaker: 'Ann Lee', startSeconds: 1, endSeconds: 2.5, text: 'Rock & roll' }),
			expect.objectContaining({ index: 2, cueId: 'intro', speaker: '', startSeconds: 3, endSeconds: 4, text: 'no speaker here second line' }),
		]);
	});

	it('an empty or cue-less document gives no segments', () => {
		expect(parseVtt('')).toEqual({ segments: [], text: '', speakers: [], durationSeconds: 0 });
		expect(parseVtt('WEBVTT\n\n').segments).toEqual([]);
	});

	const speakerArb = fc.constantFrom('Jane Host', 'Participant 0', 'Dr. Ana María-López', 'O’Brien', '');
	const wordArb = fc.stringMatching(/^[A-Za-z0-9,.?!'’]{1,12}$/);
	const cueArb = fc.record({
		speaker: speakerArb,
		words: fc.array(wordArb, { minLength: 1, maxLength: 12 }),
		start: fc.integer({ min: 0, max: 10 * 3600_000 }),
		length: fc.integer({ min: 1, max: 60_000 }),
		id: fc.boolean(),
		voiceTag: fc.boolean(),
	});

	it('property: cues written as WebVTT (either speaker form, either line end) come back as written', () => {
		fc.assert(
			fc.property(fc.array(cueArb, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (cues, eol) => {
				const blocks = cues.map((cue, i) => {
					const text = cue.words.join(' ');
					const line = !cue.speaker ? text : cue.voiceTag ? `<v ${cue.speaker}>${text}` : `${cue.speaker}: ${text}`;
					const timing = `${formatTimestamp(cue.start / 1000)} --> ${formatTimestamp((cue.start + cue.length) / 1000)}`;
					return [...(cue.id ? [String(i + 1)] : []), timing, line].join(eol);
				});
				const parsed = parseVtt(['WEBVTT', '', ...blocks.flatMap((b) => [b, ''])].join(eol));
				expect(parsed.segments).toHaveLength(cues.length);
				parsed.segments.forEach((segment, i) => {
					const cue = cues[i];
					expect(segment.speaker).toBe(cue.speaker);
					expect(segment.text).toBe(cue.words.join(' '));
					expect(Math.round(segment.startSeconds * 1000)).toBe(cue.start);
					expect(Math.round(segment.endSeconds * 1000)).toBe(cue.start + cue.length);
					expect(segment.cueId).toBe(cue.id ? String(i + 1) : '');
				});
			}),
			{ numRuns: 300 },
		);
	});
});
