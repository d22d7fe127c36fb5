// Deterministic generators: participant rows, recording file bytes, occurrences, time zones.
import { randomBytes } from 'node:crypto';
import { isoSeconds } from './http';
import type { Instance, Occurrence, ParticipantRow, RecordingFile } from './store';

export const participantEmail = (i: number): string => `participant${i}@example.com`;
export const participantName = (i: number): string => `Participant ${i}`;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Stable 22-char Zoom-looking user id of participant i (integer hashing: cheap for 100k rows). */
export function participantUserId(i: number): string {
	let out = '';
	let h = (i + 1) * 0x9e3779b1;
	for (let k = 0; k < 22; k++) {
		h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ k;
		out += B64URL[(h >>> 7) & 63];
	}
	return out;
}

/** Golden-ratio sequence: deterministic, and spreads any fraction evenly over indices. */
const rejoins = (i: number, fraction: number): boolean => ((i * 0.6180339887498949) % 1) < fraction;

/**
 * Rows of an ended instance, built once and cached. Participant i joins in the first tenth and
 * leaves in the last tenth of the session. Rejoiners get 2 or 3 rows (each with its own
 * per-session `user_id`); every third rejoiner's segments overlap (a second device), the others
 * leave gaps. The last `guests` participants are guests: empty email and empty `id`.
 */
export function participantRows(inst: Instance, registrantIds: Map<string, string>): ParticipantRow[] {
	if (inst.rows) return inst.rows;
	const { participants, rejoinFraction, guests } = inst.plan;
	// Segments first (numbers only), sorted by join time as Zoom lists them; strings are built once at the end.
	const segs: { i: number; a: number; b: number }[] = [];
	const len = inst.endMs - inst.startMs;
	const tenth = Math.max(1, Math.floor(len / 10000));
	for (let i = 0; i < participants; i++) {
		const join = inst.startMs + ((i * 37) % tenth) * 1000;
		const leave = inst.endMs - ((i * 53) % tenth) * 1000;
		if (rejoins(i, rejoinFraction) && leave - join > 300000) {
			const k = i % 4 === 1 ? 3 : 2;
			const part = (leave - join) / k;
			const overlap = i % 3 === 0;
			for (let s = 0; s < k; s++) {
				const a = join + Math.round(part * s) - (overlap && s > 0 ? 45000 : 0);
				const b = s === k - 1 ? leave : join + Math.round(part * (s + 1)) - (overlap ? 0 : 30000);
				segs.push({ i, a, b });
			}
		} else segs.push({ i, a: join, b: leave });
	}
	segs.sort((x, y) => x.a - y.a || x.i - y.i);
	// Times repeat at 1 s resolution, so memoise their ISO strings (a big win at 100k rows).
	const isoCache = new Map<number, string>();
	const iso = (ms: number) => {
		let v = isoCache.get(ms);
		if (v === undefined) isoCache.set(ms, (v = isoSeconds(ms)));
		return v;
	};
	const ids = new Map<number, string>();
	const rows: ParticipantRow[] = segs.map(({ i, a, b }, seq) => {
		const guest = i >= participants - guests;
		const email = guest ? '' : participantEmail(i);
		let id = ids.get(i);
		if (id === undefined) ids.set(i, (id = guest ? '' : participantUserId(i)));
		return {
			id,
			name: participantName(i),
			user_id: String(16778240 + seq),
			user_email: email,
			registrant_id: (email && registrantIds.get(email)) || '',
			join_time: iso(a),
			leave_time: iso(b),
			duration: Math.round((b - a) / 1000),
			internal_user: false,
		};
	});
	inst.rows = rows;
	return rows;
}

// --- Recording files: tiny but real bytes -------------------------------------------------

function box(type: string, payload: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(8 + payload.length, 0);
	head.write(type, 4, 'latin1');
	return Buffer.concat([head, payload]);
}

/** An ISO-BMFF file: ftyp + free + empty mdat. Enough for `file` and MIME sniffers. */
function isoFile(major: string, compat: string[]): Buffer {
	const ftyp = Buffer.concat([Buffer.from(major, 'latin1'), Buffer.from([0, 0, 2, 0]), ...compat.map((c) => Buffer.from(c, 'latin1'))]);
	return Buffer.concat([box('ftyp', ftyp), box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(0))]);
}

const hms = (sec: number, ms = false): string => {
	const h = String(Math.floor(sec / 3600)).padStart(2, '0');
	const m = String(Math.floor((sec % 3600) / 60)).padStart(2, '0');
	const s = String(Math.floor(sec % 60)).padStart(2, '0');
	return `${h}:${m}:${s}${ms ? '.000' : ''}`;
};

const LINES = [
	'Hello everyone, thanks for joining today.',
	'Can you all hear me okay?',
	'Let us start with the agenda for this session.',
	'I have a question about the timeline.',
	'Good point, we will follow up by email.',
	'Thanks, that is all from me.',
];

function transcript(speakers: string[]): string {
	const cues = LINES.map((line, i) => `${i + 1}\n${hms(i * 6 + 1, true)} --> ${hms(i * 6 + 5, true)}\n${speakers[i % speakers.length]}: ${line}`);
	return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** Zoom's classic chat file: `HH:MM:SS\t From  Name : message` per line (CRLF). */
function chat(speakers: string[]): string {
	return LINES.slice(1, 5)
		.map((line, i) => `${hms(60 + i * 45)}\t From  ${speakers[i % speakers.length]} : ${line}\r\n`)
		.join('');
}

/** The four files Zoom produces for a typical cloud recording. */
export function recordingFiles(inst: Instance, hostName: string): RecordingFile[] {
	const stamp = new Date(inst.startMs).toISOString().replace(/[-:]/g, '').slice(0, 15);
	const base = `GMT${stamp}_Recording`;
	const speakers = [hostName, 'Participant 0', 'Participant 1'];
	const id = () => randomBytes(18).toString('hex').slice(0, 36);
	return [
		{ id: id(), fileType: 'MP4', extension: 'MP4', recordingType: 'shared_screen_with_speaker_view', contentType: 'video/mp4', filename: `${base}_1920x1080.mp4`, bytes: isoFile('isom', ['isom', 'iso2', 'avc1', 'mp41']) },
		{ id: id(), fileType: 'M4A', extension: 'M4A', recordingType: 'audio_only', contentType: 'audio/mp4', filename: `${base}.m4a`, bytes: isoFile('M4A ', ['M4A ', 'mp42', 'isom']) },
		{ id: id(), fileType: 'TRANSCRIPT', extension: 'VTT', recordingType: 'audio_transcript', contentType: 'text/vtt', filename: `${base}.transcript.vtt`, bytes: Buffer.from(transcript(speakers)) },
		{ id: id(), fileType: 'CHAT', extension: 'TXT', recordingType: 'chat_file', contentType: 'text/plain', filename: `${base}.newChat.txt`, bytes: Buffer.from(chat(speakers)) },
	];
}

// --- Time --------------------------------------------------------------------------------

/** Offset (ms) of `tz` at instant `ms`, via Intl (no tz database needed beyond Node's ICU). */
function tzOffset(ms: number, tz: string): number {
	const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
	const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * Zoom start_time: `...Z` (or with an offset) is absolute; a local `yyyy-MM-ddTHH:mm:ss` is read in
 * `timezone`. Returns undefined for unparseable input.
 */
export function parseStartTime(value: string, timezone: string): number | undefined {
	if (/([zZ]|[+-]\d\d:?\d\d)$/.test(value)) {
		const ms = Date.parse(value);
		return Number.isNaN(ms) ? undefined : ms;
	}
	const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/.exec(value);
	if (!m) return undefined;
	const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
	try {
		const first = guess - tzOffset(guess, timezone);
		return guess - tzOffset(first, timezone);
	} catch {
		return undefined;
	}
}

export const validTimezone = (tz: string): boolean => {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
};

/** Occurrences of a type 8/9 series (daily, weekly, monthly by day), capped at 60 like Zoom. */
export function occurrences(startMs: number, duration: number, rec: Record<string, unknown>): Occurrence[] {
	const type = Number(rec.type ?? 1);
	const interval = Math.max(1, Number(rec.repeat_interval ?? 1));
	const endTimes = rec.end_date_time ? 60 : Math.min(60, Math.max(1, Number(rec.end_times ?? 1)));
	const endMs = rec.end_date_time ? Date.parse(String(rec.end_date_time)) : Infinity;
	const weekly = String(rec.weekly_days ?? '')
		.split(',')
		.filter(Boolean)
		.map((d) => Number(d) - 1);
	const out: Occurrence[] = [];
	const day = 86400000;
	const push = (ms: number) => out.push({ occurrence_id: String(ms), start_time: isoSeconds(ms), duration, status: 'available' });
	for (let step = 0, ms = startMs; out.length < endTimes && step < 2000; step++) {
		if (ms > endMs) break;
		if (type === 2 && weekly.length > 0) {
			// Weekly: walk day by day, keep listed weekdays of every interval-th week.
			const week = Math.floor((ms - startMs) / (7 * day));
			if (week % interval === 0 && weekly.includes(new Date(ms).getUTCDay())) push(ms);
			ms += day;
		} else {
			push(ms);
			if (type === 3) {
				const d = new Date(ms);
				ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + interval, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
			} else ms += (type === 2 ? 7 : 1) * interval * day;
		}
	}
	return out;
}
