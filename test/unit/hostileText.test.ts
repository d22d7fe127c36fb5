/**
 * Hostile text in the pure parsers: a Retry-After below zero, a WebVTT cue built to make a voice-tag regex
 * backtrack, and timestamps with hundreds of hour digits.
 */
import fc from 'fast-check';

import { parseVtt, parseTimestamp } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/recording/vtt';
import { parseRetryAfter } from 'n8n-nodes-zoom-connector/nodes/shared/transport/retry';

describe('Retry-After that is no wait', () => {
	it('a negative number is unreadable (so the caller backs off), not 0 ms', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		for (const value of ['-5', '-0.5', '+5', '- 5']) expect(parseRetryAfter(value, now)).toBeUndefined();
		expect(parseRetryAfter('5', now)).toBe(5000);
	});
});

describe('WebVTT under hostile cues', () => {
	const cue = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${text}\n`;

	// The old pattern took ~13 s on a 120 KB cue; linear code takes milliseconds. Bounded generously for a
	// busy machine, far below the quadratic time.
	it.each([
		['`<v ` without a closing `>`', '<v '.repeat(40_000)],
		['`<v.x` classes without a space', '<v.x'.repeat(30_000)],
		['`<` without a closing `>`', 'a<'.repeat(60_000)],
	])('a 120 KB cue of %s parses in linear time', (_name, text) => {
		const started = performance.now();
		const { segments } = parseVtt(cue(text));
		const elapsed = performance.now() - started;
		expect(segments).toHaveLength(1);
		expect(segments[0].speaker).toBe('');
		expect(elapsed).toBeLessThan(1500);
	});

	it('an unclosed `<` keeps the rest as text; a closed tag is removed', () => {
		expect(parseVtt(cue('a <b>bold</b> c < d')).segments[0].text).toBe('a bold c < d');
		expect(parseVtt(cue('<v Ann>hi <i>there')).segments[0]).toMatchObject({ speaker: 'Ann', text: 'hi there' });
	});

	// The old voice pattern and tag stripping, to check the linear code gives the same speaker and text on
	// ordinary cues (class names without `<`).
	const OLD_VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/;
	const pieces = fc.constantFrom('<v ', '<v.loud ', '<v\t', '<v', 'Ann', ' Lee', '>', '<', '<i>', '</v>', 'x', ' ', ':', '&amp;', '\n');
	it('property: the same speaker and text as the old patterns', () => {
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
				const text = parts.join('').replace(/^\s+/, '') || 'x';
				if (/^(WEBVTT|NOTE|STYLE|REGION)\b/.test(text) || text.includes('-->') || /\n\s*\n/.test(text)) return;
				const segment = parseVtt(cue(text)).segments[0];
				const voice = OLD_VOICE.exec(text);
				const oldPlain = text.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
				expect(segment.text === oldPlain || !voice).toBe(true);
				if (voice) expect(segment.speaker).toBe(voice[1].replace(/&amp;/g, '&').trim());
			}),
			{ numRuns: 1000 },
		);
	});

	it('hours with hundreds of digits are a broken timing, not Infinity', () => {
		const huge = `${'9'.repeat(300)}:00:00.000`;
		expect(parseTimestamp(huge)).toBeUndefined();
		expect(parseTimestamp(`${'9'.repeat(12)}:00:00.000`)).toBeUndefined();
		expect(parseTimestamp('99999:00:00.000')).toBe(99999 * 3600);
		const transcript = parseVtt(`WEBVTT\n\n00:00:01.000 --> ${huge}\nlost\n\n00:00:02.000 --> 00:00:03.000\nkept\n`);
		expect(transcript.segments.map((s) => s.text)).toEqual(['kept']);
		expect(Number.isFinite(transcript.durationSeconds)).toBe(true);
	});

	it('property: every parsed time is finite and exact to the millisecond', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{1,40}$/), fc.integer({ min: 0, max: 59 }), (hours, minutes) => {
				const value = parseTimestamp(`${hours}:${String(minutes).padStart(2, '0')}:00.001`);
				if (value !== undefined) {
					expect(Number.isFinite(value)).toBe(true);
					expect(Number.isSafeInteger(Math.round(value * 1000))).toBe(true);
				}
			}),
		);
	});
});
