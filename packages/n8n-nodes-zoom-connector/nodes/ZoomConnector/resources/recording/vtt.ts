/**
 * WebVTT transcripts as Zoom writes them (cue number, timing line, "Speaker Name: text"), parsed into
 * segments. Also reads the generic forms (`<v Speaker>` voice tags, cues without numbers, NOTE/STYLE
 * blocks, CRLF, a BOM, mm:ss timestamps). Pure: no n8n imports, unit- and property-tested.
 */

export interface TranscriptSegment {
	/** 1-based position in the transcript. */
	index: number;
	/** The cue identifier (Zoom numbers its cues), or '' when the cue has none. */
	cueId: string;
	/** '' when the cue names no speaker (Zoom leaves unidentified speech unnamed). */
	speaker: string;
	startSeconds: number;
	endSeconds: number;
	/** "HH:MM:SS.mmm" */
	startTime: string;
	endTime: string;
	text: string;
}

export interface Transcript {
	segments: TranscriptSegment[];
	/** One line per segment, "Speaker: text" (or just the text when unnamed). */
	text: string;
	/** Distinct speakers in order of first appearance. */
	speakers: string[];
	/** End of the last segment, in seconds. */
	durationSeconds: number;
}

const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)/;
// A speaker prefix is a short name before ": "; a colon without a following space (URLs, 10:30)
// is left in the text.
const SPEAKER_PREFIX = /^([^:\n]{1,80}?):[ \t]+([\s\S]*)$/;
// The opening of a voice tag, `<v` with optional classes then a space. Class names stop at `<` as well as
// whitespace and `>`, so each attempt ends at the next `<` and a cue full of `<v.x<v.x…` stays linear.
const VOICE_OPENING = /<v(?:\.[^\s<>]*)?[ \t]/g;

/** Seconds from "HH:MM:SS.mmm" or "MM:SS.mmm"; undefined when it is not a WebVTT timestamp. */
export function parseTimestamp(value: string): number | undefined {
	const match = TIMESTAMP.exec(value.trim());
	if (!match) return undefined;
	const [hours, minutes, seconds, millis] = [
		Number(match[1] ?? 0),
		Number(match[2]),
		Number(match[3]),
		Number(match[4]),
	];
	const totalMs = hours * 3600_000 + minutes * 60_000 + seconds * 1000 + millis;
	// Hundreds of hour digits would give Infinity or lose the milliseconds: such a timing is broken.
	return Number.isSafeInteger(totalMs) ? totalMs / 1000 : undefined;
}

/** "HH:MM:SS.mmm" for a number of seconds (hours grow past 99 when needed). */
export function formatTimestamp(totalSeconds: number): string {
	const totalMs = Math.max(0, Math.round(totalSeconds * 1000));
	const hours = Math.floor(totalMs / 3600_000);
	const minutes = Math.floor((totalMs % 3600_000) / 60_000);
	const seconds = Math.floor((totalMs % 60_000) / 1000);
	const millis = totalMs % 1000;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(hours)}:${two(minutes)}:${two(seconds)}.${String(millis).padStart(3, '0')}`;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	nbsp: '\u00a0',
	lrm: '\u200e',
	rlm: '\u200f',
	quot: '"',
	apos: "'",
};

function decodeEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

/**
 * The annotation of the cue's first voice tag (`<v.loud Speaker Name>` → ' Speaker Name'), or undefined.
 * Linear in the cue: a regex `<v…([^>]*)>` rescans to the end from every `<v` when no `>` follows.
 */
function voiceAnnotation(raw: string): string | undefined {
	VOICE_OPENING.lastIndex = 0;
	if (!VOICE_OPENING.exec(raw)) return undefined;
	const end = raw.indexOf('>', VOICE_OPENING.lastIndex);
	// No `>` after the first opening means none after any later opening either.
	return end < 0 ? undefined : raw.slice(VOICE_OPENING.lastIndex, end);
}

/** The text without tags (`<…>` up to the first `>`); an unclosed `<` and what follows stay as text. */
function stripTags(raw: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const open = raw.indexOf('<', from);
		const close = open < 0 ? -1 : raw.indexOf('>', open);
		if (close < 0) return out + raw.slice(from);
		out += raw.slice(from, open);
		from = close + 1;
	}
}

function cueText(lines: string[]): { speaker: string; text: string } {
	const raw = lines.join('\n');
	const voice = voiceAnnotation(raw);
	// Tags (<v>, <c>, <i>, timestamps <00:01.000>) carry no words; words are joined by single spaces.
	const plain = decodeEntities(stripTags(raw))
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join(' ');
	if (voice !== undefined) return { speaker: decodeEntities(voice).trim(), text: plain };
	const prefix = SPEAKER_PREFIX.exec(plain);
	if (prefix && prefix[1].trim()) return { speaker: prefix[1].trim(), text: prefix[2].trim() };
	return { speaker: '', text: plain };
}

/** Parses a WebVTT document; blocks that are not cues (header, NOTE, STYLE, REGION, broken timings) are skipped. */
export function parseVtt(input: string): Transcript {
	const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const blocks: string[][] = [];
	let current: string[] = [];
	for (const line of lines) {
		if (line.trim() === '') {
			if (current.length) blocks.push(current);
			current = [];
		} else current.push(line);
	}
	if (current.length) blocks.push(current);

	const segments: TranscriptSegment[] = [];
	for (const block of blocks) {
		const timingAt = block.findIndex((line) => line.includes('-->'));
		// A timing line is the first or second line of a cue; later arrows are words in a NOTE.
		if (timingAt < 0 || timingAt > 1 || /^(WEBVTT|NOTE|STYLE|REGION)\b/.test(block[0])) continue;
		const timing = TIMING.exec(block[timingAt].trim());
		const start = timing ? parseTimestamp(timing[1]) : undefined;
		const end = timing ? parseTimestamp(timing[2]) : undefined;
		if (start === undefined || end === undefined) continue;
		const { speaker, text } = cueText(block.slice(timingAt + 1));
		segments.push({
			index: segments.length + 1,
			cueId: timingAt === 1 ? block[0].trim() : '',
			speaker,
			startSeconds: start,
			endSeconds: end,
			startTime: formatTimestamp(start),
			endTime: formatTimestamp(end),
			text,
		});
	}

	const speakers = [...new Set(segments.map((s) => s.speaker).filter(Boolean))];
	return {
		segments,
		text: segments.map((s) => (s.speaker ? `${s.speaker}: ${s.text}` : s.text)).join('\n'),
		speakers,
		durationSeconds: segments.reduce((max, s) => Math.max(max, s.endSeconds), 0),
	};
}
