/**
 * Attendance matching, pure: participant rows (one per join session) against registrations (any
 * records with an email). One pass over each input, a Map index by normalised email, rows grouped
 * per person in flat typed arrays, and one interval union per person. No n8n imports, so the unit
 * tests and the benchmark run it directly.
 */

export type JsonRecord = Record<string, unknown>;

export type AttendanceStatus = 'attended' | 'partial' | 'absent' | 'no-match';
export type NoMatchReason = 'not-registered' | 'guest' | 'ambiguous-name' | 'invalid-input';
export type InputName = 'Participants' | 'Registrations';

export interface MatchOptions {
	participantEmailField: string;
	registrationEmailField: string;
	joinTimeField: string;
	leaveTimeField: string;
	participantNameField: string;
	firstNameField: string;
	lastNameField: string;
	/** Match participants without an email to registrations by full name. */
	matchGuestsByName: boolean;
	minimumAttendance: number;
	minimumAttendanceUnit: 'seconds' | 'percent';
	/** Where a matched registration under the minimum goes: Absent, or Attended marked "partial". */
	belowMinimum: 'absent' | 'partial';
	/** The session's length; 0 or absent means last leave − first join over all rows. */
	sessionLengthSeconds?: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
	participantEmailField: 'user_email',
	registrationEmailField: 'email',
	joinTimeField: 'join_time',
	leaveTimeField: 'leave_time',
	participantNameField: 'name',
	firstNameField: 'first_name',
	lastNameField: 'last_name',
	matchGuestsByName: false,
	minimumAttendance: 0,
	minimumAttendanceUnit: 'seconds',
	belowMinimum: 'absent',
};

export interface Attendance {
	/** Union of the person's segments: overlapping time is counted once. */
	seconds: number;
	/** Epoch milliseconds, or null when the person has no segment. */
	firstJoin: number | null;
	lastLeave: number | null;
	/** Join sessions (rows, or a join paired with its leave) before the union. */
	segments: number;
}

export interface PersonResult {
	status: AttendanceStatus;
	/** Normalised (trimmed, lower case) email; '' for a guest. */
	email: string;
	firstName: string;
	lastName: string;
	/** Index into the registrations, or -1 for a participant without registration. */
	registration: number;
	/** Indexes into the participant rows that make up this person, in input order. */
	participantRows: number[];
	matchedBy: 'email' | 'name' | 'email+name' | null;
	noMatchReason: NoMatchReason | null;
	isGuest: boolean;
	attendance: Attendance;
}

export interface InputError {
	input: 0 | 1;
	inputName: InputName;
	itemIndex: number;
	field: string;
	message: string;
	/** What the user can do about it. */
	fix: string;
}

export interface MatchSummary {
	participantRows: number;
	registrations: number;
	attended: number;
	partial: number;
	absent: number;
	noMatch: number;
	guests: number;
	errors: number;
	sessionSeconds: number;
	minimumSeconds: number;
	/** Every row and registration is accounted for exactly once in the outputs or the errors. */
	reconciled: boolean;
}

export interface MatchResult {
	/** Registrations that attended (and, with belowMinimum "partial", those under the minimum), in input order. */
	attended: PersonResult[];
	/** Participants without a registration, merged per person, in order of their first row. */
	noMatch: PersonResult[];
	/** Registrations without (enough) attendance, in input order. */
	absent: PersonResult[];
	/** Invalid items, in input order (participants first); they appear in no other list. */
	errors: InputError[];
	session: { start: number | null; end: number | null; lengthSeconds: number };
	summary: MatchSummary;
}

/** Trimmed and lower-cased, so "  Jane@Example.COM " and "jane@example.com" meet. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Lower case, accents dropped, whitespace collapsed: "  José   DOE" and "jose doe" meet. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** "Jane Q. Doe" → Jane / Q. Doe; a single word is a first name. */
export function splitName(name: string): { firstName: string; lastName: string } {
	const trimmed = name.trim().replace(/\s+/g, ' ');
	const space = trimmed.indexOf(' ');
	return space < 0
		? { firstName: trimmed, lastName: '' }
		: { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}

/** Reads a field, dotted paths allowed ("payload.object.participant.email") unless the key itself has the dot. */
function fieldReader(path: string): (record: JsonRecord) => unknown {
	if (!path.includes('.')) return (record) => record[path];
	const parts = path.split('.');
	return (record) => {
		if (path in record) return record[path];
		let value: unknown = record;
		for (const part of parts) {
			if (value === null || typeof value !== 'object') return undefined;
			value = (value as JsonRecord)[part];
		}
		return value;
	};
}

const MISSING = -1;
const INVALID = -2;

/** Epoch ms; MISSING for undefined/null/''; INVALID when present but not a time. Negative epochs are not Zoom's. */
function parseTime(value: unknown): number {
	if (value === undefined || value === null || value === '') return MISSING;
	if (typeof value === 'string') {
		const ms = Date.parse(value);
		return Number.isNaN(ms) || ms < 0 ? INVALID : ms;
	}
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : INVALID;
	return INVALID;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

const AMBIGUOUS = -2;

/** Matches participants to registrations; never throws on bad items, it lists them in `errors`. */
export function matchAttendance(
	participants: readonly JsonRecord[],
	registrations: readonly JsonRecord[],
	options: Partial<MatchOptions> = {},
): MatchResult {
	const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
	const errors: InputError[] = [];
	const m = registrations.length;
	const n = participants.length;

	// Registrations: one pass, index by normalised email (and by name when guests are matched by name).
	const readRegistrationEmail = fieldReader(opts.registrationEmailField);
	const readFirst = fieldReader(opts.firstNameField);
	const readLast = fieldReader(opts.lastNameField);
	const registrationEmails: string[] = new Array<string>(m);
	const registrationValid = new Uint8Array(m);
	const byEmail = new Map<string, number>();
	const byName = opts.matchGuestsByName ? new Map<string, number>() : undefined;
	const registrationErrors: InputError[] = [];
	for (let i = 0; i < m; i++) {
		const record = registrations[i];
		const raw = record === null || typeof record !== 'object' ? undefined : readRegistrationEmail(record);
		const problem = emailProblem(raw, opts.registrationEmailField, 'Registrations', i, false);
		if (problem) {
			registrationErrors.push({ input: 1, inputName: 'Registrations', itemIndex: i, field: opts.registrationEmailField, ...problem });
			continue;
		}
		const email = normaliseEmail(raw as string);
		const first = byEmail.get(email);
		if (first !== undefined) {
			registrationErrors.push({
				input: 1,
				inputName: 'Registrations',
				itemIndex: i,
				field: opts.registrationEmailField,
				message: `Registrations item ${i}: "${email}" is already registered by item ${first}`,
				fix: 'Remove duplicate registrations before this node, e.g. with a Remove Duplicates node on the email field',
			});
			continue;
		}
		byEmail.set(email, i);
		registrationEmails[i] = email;
		registrationValid[i] = 1;
		if (byName) {
			const name = normaliseName(`${text(readFirst(record))} ${text(readLast(record))}`);
			if (name) byName.set(name, byName.has(name) ? AMBIGUOUS : i);
		}
	}

	// Participants: one pass, parse times, give each valid row a group. Groups 0..m-1 are the
	// registrations; unmatched people get groups from m on, keyed by email or guest name.
	const readParticipantEmail = fieldReader(opts.participantEmailField);
	const readName = fieldReader(opts.participantNameField);
	const readJoin = fieldReader(opts.joinTimeField);
	const readLeave = fieldReader(opts.leaveTimeField);
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const groupOf = new Int32Array(n).fill(-1);
	const matchedByName = new Uint8Array(n); // 1 when the row was matched by name
	const unmatchedByEmail = new Map<string, number>();
	const unmatchedByName = new Map<string, number>();
	const extraGroups: Array<{ email: string; name: string; reason: NoMatchReason }> = [];
	let sessionStart = Infinity;
	let sessionEnd = -Infinity;
	let hasLoneTimes = false;
	for (let i = 0; i < n; i++) {
		const record = participants[i];
		if (record === null || typeof record !== 'object') {
			errors.push(participantError(i, opts.participantEmailField, 'is not an object', 'Feed the node items with JSON objects'));
			continue;
		}
		const raw = readParticipantEmail(record);
		const problem = emailProblem(raw, opts.participantEmailField, 'Participants', i, true);
		if (problem) {
			errors.push({ input: 0, inputName: 'Participants', itemIndex: i, field: opts.participantEmailField, ...problem });
			continue;
		}
		const join = parseTime(readJoin(record));
		const leave = parseTime(readLeave(record));
		if (join === INVALID || leave === INVALID) {
			const field = join === INVALID ? opts.joinTimeField : opts.leaveTimeField;
			const value = join === INVALID ? readJoin(record) : readLeave(record);
			errors.push(
				participantError(
					i,
					field,
					`is not a date-time: ${JSON.stringify(value)}`,
					'Give an ISO 8601 time such as 2024-05-01T10:00:00Z, or set the time field names in Options',
				),
			);
			continue;
		}
		if (join === MISSING && leave === MISSING) {
			errors.push(
				participantError(i, `${opts.joinTimeField}/${opts.leaveTimeField}`, 'has neither a join time nor a leave time', 'Check the Join Time Field and Leave Time Field options'),
			);
			continue;
		}
		if (join !== MISSING && leave !== MISSING && leave < join) {
			errors.push(participantError(i, opts.leaveTimeField, 'leaves before it joins', 'Check that join and leave times are not swapped'));
			continue;
		}
		starts[i] = join === MISSING ? Number.NaN : join;
		ends[i] = leave === MISSING ? Number.NaN : leave;
		if (join === MISSING || leave === MISSING) hasLoneTimes = true;
		// The session spans every time seen; a lone leave can be the earliest, a lone join the latest.
		const earliest = join === MISSING ? leave : join;
		const latest = leave === MISSING ? join : leave;
		if (earliest < sessionStart) sessionStart = earliest;
		if (latest > sessionEnd) sessionEnd = latest;

		const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
		if (email) {
			const registration = byEmail.get(email);
			if (registration !== undefined) {
				groupOf[i] = registration;
				continue;
			}
			groupOf[i] = groupFor(unmatchedByEmail, email, email, text(readName(record)), 'not-registered');
			continue;
		}
		const name = normaliseName(text(readName(record)));
		if (byName && name) {
			const registration = byName.get(name);
			if (registration !== undefined && registration !== AMBIGUOUS) {
				groupOf[i] = registration;
				matchedByName[i] = 1;
				continue;
			}
			if (registration === AMBIGUOUS) {
				groupOf[i] = groupFor(unmatchedByName, name, '', text(readName(record)), 'ambiguous-name');
				continue;
			}
		}
		// A guest's rejoins share a display name; a guest without one stands alone.
		groupOf[i] = name
			? groupFor(unmatchedByName, name, '', text(readName(record)), 'guest')
			: newGroup('', '', 'guest');
	}
	errors.push(...registrationErrors);

	function newGroup(email: string, name: string, reason: NoMatchReason): number {
		extraGroups.push({ email, name, reason });
		return m + extraGroups.length - 1;
	}
	function groupFor(index: Map<string, number>, key: string, email: string, name: string, reason: NoMatchReason): number {
		let group = index.get(key);
		if (group === undefined) {
			group = newGroup(email, name, reason);
			index.set(key, group);
		}
		return group;
	}

	const hasTimes = sessionStart !== Infinity;
	const dataLengthSeconds = hasTimes ? (sessionEnd - sessionStart) / 1000 : 0;
	const lengthSeconds = opts.sessionLengthSeconds && opts.sessionLengthSeconds > 0 ? opts.sessionLengthSeconds : dataLengthSeconds;
	const minimumSeconds =
		opts.minimumAttendanceUnit === 'percent' ? (lengthSeconds * opts.minimumAttendance) / 100 : opts.minimumAttendance;

	// Rows by group in one flat array (counting sort): each person's rows are contiguous, in input order.
	const groupCount = m + extraGroups.length;
	const offsets = new Int32Array(groupCount + 1);
	for (let i = 0; i < n; i++) if (groupOf[i] >= 0) offsets[groupOf[i] + 1]++;
	for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
	const rowsByGroup = new Int32Array(offsets[groupCount]);
	const cursor = offsets.slice(0, groupCount);
	for (let i = 0; i < n; i++) if (groupOf[i] >= 0) rowsByGroup[cursor[groupOf[i]]++] = i;

	const attendanceOf = (group: number): Attendance =>
		personAttendance(rowsByGroup, offsets[group], offsets[group + 1], starts, ends, hasLoneTimes, sessionStart, sessionEnd);
	const rowsOf = (group: number): number[] => {
		// A plain loop: Array.from over a typed array goes through the iterator protocol, several times slower.
		const rows = new Array<number>(offsets[group + 1] - offsets[group]);
		for (let k = 0; k < rows.length; k++) rows[k] = rowsByGroup[offsets[group] + k];
		return rows;
	};

	const attended: PersonResult[] = [];
	const absent: PersonResult[] = [];
	let partialCount = 0;
	for (let r = 0; r < m; r++) {
		if (!registrationValid[r]) continue;
		const record = registrations[r];
		let firstName = text(readFirst(record));
		let lastName = text(readLast(record));
		const rowCount = offsets[r + 1] - offsets[r];
		const attendance = rowCount ? attendanceOf(r) : { seconds: 0, firstJoin: null, lastLeave: null, segments: 0 };
		let matchedBy: PersonResult['matchedBy'] = null;
		if (rowCount) {
			let emailRows = 0;
			for (let k = offsets[r]; k < offsets[r + 1]; k++) if (!matchedByName[rowsByGroup[k]]) emailRows++;
			matchedBy = emailRows === rowCount ? 'email' : emailRows === 0 ? 'name' : 'email+name';
			if (!firstName && !lastName) {
				({ firstName, lastName } = splitName(text(readName(participants[rowsByGroup[offsets[r]]]))));
			}
		}
		const enough = rowCount > 0 && attendance.seconds >= minimumSeconds;
		const status: AttendanceStatus = enough ? 'attended' : rowCount > 0 && opts.belowMinimum === 'partial' ? 'partial' : 'absent';
		const person: PersonResult = {
			status,
			email: registrationEmails[r],
			firstName,
			lastName,
			registration: r,
			participantRows: rowCount ? rowsOf(r) : [],
			matchedBy,
			noMatchReason: null,
			isGuest: false,
			attendance,
		};
		if (status === 'absent') absent.push(person);
		else {
			if (status === 'partial') partialCount++;
			attended.push(person);
		}
	}

	const noMatch: PersonResult[] = [];
	let guests = 0;
	// Extra groups were created in order of their first row, so this is input order.
	for (let k = 0; k < extraGroups.length; k++) {
		const group = m + k;
		const { email, name, reason } = extraGroups[k];
		const isGuest = email === '';
		if (isGuest) guests++;
		const { firstName, lastName } = splitName(name);
		noMatch.push({
			status: 'no-match',
			email,
			firstName,
			lastName,
			registration: -1,
			participantRows: rowsOf(group),
			matchedBy: null,
			noMatchReason: reason,
			isGuest,
			attendance: attendanceOf(group),
		});
	}

	errors.sort((a, b) => a.input - b.input || a.itemIndex - b.itemIndex);
	const participantErrors = errors.filter((e) => e.input === 0).length;
	const rowsOut = [attended, absent, noMatch].reduce((sum, list) => sum + list.reduce((s, p) => s + p.participantRows.length, 0), 0);
	const registrationsOut = attended.length + absent.length;
	const summary: MatchSummary = {
		participantRows: n,
		registrations: m,
		attended: attended.length - partialCount,
		partial: partialCount,
		absent: absent.length,
		noMatch: noMatch.length,
		guests,
		errors: errors.length,
		sessionSeconds: lengthSeconds,
		minimumSeconds,
		reconciled: rowsOut + participantErrors === n && registrationsOut + (errors.length - participantErrors) === m,
	};
	return {
		attended,
		noMatch,
		absent,
		errors,
		session: { start: hasTimes ? sessionStart : null, end: hasTimes ? sessionEnd : null, lengthSeconds },
		summary,
	};
}

function participantError(itemIndex: number, field: string, what: string, fix: string): InputError {
	return { input: 0, inputName: 'Participants', itemIndex, field, message: `Participants item ${itemIndex}: "${field}" ${what}`, fix };
}

/** Null when the email value is usable; participants may have an empty one (guests), registrations not. */
function emailProblem(
	raw: unknown,
	field: string,
	inputName: InputName,
	itemIndex: number,
	emptyAllowed: boolean,
): { message: string; fix: string } | null {
	const item = `${inputName} item ${itemIndex}`;
	if (raw === undefined) {
		const parameter = inputName === 'Participants' ? 'Participant Email Field' : 'Registration Email Field';
		return { message: `${item} has no field "${field}"`, fix: `Set ${parameter} to the field that holds the email` };
	}
	if (typeof raw !== 'string' && raw !== null) {
		return { message: `${item}: "${field}" is a ${typeof raw}, not a text email`, fix: `Map "${field}" to a text field` };
	}
	if (emptyAllowed || (typeof raw === 'string' && raw.trim())) return null;
	return { message: `${item}: "${field}" is empty`, fix: 'Drop registrations without an email before this node' };
}

// Scratch buffers reused across people: most have a handful of segments.
let scratchStarts = new Float64Array(64);
let scratchEnds = new Float64Array(64);

/** Writes segment number `count` into the scratch buffers, growing them if needed; returns the new count. */
function addSegment(count: number, start: number, end: number): number {
	if (count === scratchStarts.length) {
		const grownStarts = new Float64Array(count * 2);
		grownStarts.set(scratchStarts);
		scratchStarts = grownStarts;
		const grownEnds = new Float64Array(count * 2);
		grownEnds.set(scratchEnds);
		scratchEnds = grownEnds;
	}
	scratchStarts[count] = start;
	scratchEnds[count] = end;
	return count + 1;
}

/**
 * One person's attendance from their rows: rows with both times are segments; lone join and lone
 * leave times (webhook events) are paired in time order, a join left open runs to the session's end
 * and a leave without a join starts at the person's previous leave or the session's start.
 */
function personAttendance(
	rows: Int32Array,
	from: number,
	to: number,
	starts: Float64Array,
	ends: Float64Array,
	hasLoneTimes: boolean,
	sessionStart: number,
	sessionEnd: number,
): Attendance {
	let count = 0;
	let loneEvents: Array<{ time: number; join: boolean }> | undefined;
	for (let k = from; k < to; k++) {
		const row = rows[k];
		const start = starts[row];
		const end = ends[row];
		if (!hasLoneTimes || (!Number.isNaN(start) && !Number.isNaN(end))) count = addSegment(count, start, end);
		else (loneEvents ??= []).push(Number.isNaN(start) ? { time: end, join: false } : { time: start, join: true });
	}
	if (loneEvents) {
		// Leaves before joins at the same instant, so "left at 10:00, rejoined at 10:00" is two segments.
		loneEvents.sort((a, b) => a.time - b.time || Number(a.join) - Number(b.join));
		let open = Number.NaN;
		let lastLeave = sessionStart;
		for (const event of loneEvents) {
			if (event.join) {
				if (!Number.isNaN(open)) count = addSegment(count, open, event.time);
				open = event.time;
			} else {
				count = addSegment(count, Number.isNaN(open) ? lastLeave : open, event.time);
				open = Number.NaN;
				lastLeave = event.time;
			}
		}
		if (!Number.isNaN(open)) count = addSegment(count, open, Math.max(open, sessionEnd));
	}

	// Insertion sort by start: people have few segments, and this allocates nothing.
	for (let i = 1; i < count; i++) {
		const s = scratchStarts[i];
		const e = scratchEnds[i];
		let j = i - 1;
		while (j >= 0 && scratchStarts[j] > s) {
			scratchStarts[j + 1] = scratchStarts[j];
			scratchEnds[j + 1] = scratchEnds[j];
			j--;
		}
		scratchStarts[j + 1] = s;
		scratchEnds[j + 1] = e;
	}
	let totalMs = 0;
	let currentStart = scratchStarts[0];
	let currentEnd = scratchEnds[0];
	let lastLeave = currentEnd;
	for (let i = 1; i < count; i++) {
		if (scratchStarts[i] > currentEnd) {
			totalMs += currentEnd - currentStart;
			currentStart = scratchStarts[i];
			currentEnd = scratchEnds[i];
		} else if (scratchEnds[i] > currentEnd) {
			currentEnd = scratchEnds[i];
		}
		if (scratchEnds[i] > lastLeave) lastLeave = scratchEnds[i];
	}
	totalMs += currentEnd - currentStart;
	return { seconds: totalMs / 1000, firstJoin: scratchStarts[0], lastLeave, segments: count };
}

/** The flat, Brevo-ready fields an output item gets on top of its input's own fields. */
export interface OutputFields {
	[key: string]: string | number | boolean | null;
	email: string;
	firstName: string;
	lastName: string;
	attendanceStatus: AttendanceStatus;
	attendedMinutes: number;
	attendedSeconds: number;
	firstJoinTime: string | null;
	lastLeaveTime: string | null;
	segments: number;
	sessionTopic: string;
	sessionId: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const DAY = 86_400_000;
const YEAR_1000 = -30_610_224_000_000;
const YEAR_10000 = 253_402_300_800_000;

/**
 * `new Date(ms).toISOString()`, about five times faster: at 100k people the two timestamps per output
 * item were most of the node's time. Civil date from days since the epoch (H. Hinnant's algorithm);
 * years outside 1000–9999 take the native path, whose format differs there.
 */
export function isoTimestamp(ms: number): string {
	if (!Number.isFinite(ms) || ms < YEAR_1000 || ms >= YEAR_10000) return new Date(ms).toISOString();
	const time = Math.floor(ms);
	const days = Math.floor(time / DAY);
	let rest = time - days * DAY;
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
	const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	const hours = Math.floor(rest / 3_600_000);
	rest -= hours * 3_600_000;
	const minutes = Math.floor(rest / 60_000);
	rest -= minutes * 60_000;
	const seconds = Math.floor(rest / 1000);
	return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(rest - seconds * 1000)}Z`;
}

export function outputFields(person: PersonResult, session: { topic: string; id: string }): OutputFields {
	const { attendance } = person;
	const fields: OutputFields = {
		email: person.email,
		firstName: person.firstName,
		lastName: person.lastName,
		attendanceStatus: person.status,
		// Whole seconds and minutes to one decimal: what a CRM number attribute shows well.
		attendedMinutes: Math.round(attendance.seconds / 6) / 10,
		attendedSeconds: Math.round(attendance.seconds),
		firstJoinTime: attendance.firstJoin === null ? null : isoTimestamp(attendance.firstJoin),
		lastLeaveTime: attendance.lastLeave === null ? null : isoTimestamp(attendance.lastLeave),
		segments: attendance.segments,
		sessionTopic: session.topic,
		sessionId: session.id,
	};
	if (person.matchedBy) fields.matchedBy = person.matchedBy;
	if (person.status === 'no-match') {
		fields.isGuest = person.isGuest;
		fields.noMatchReason = person.noMatchReason;
	}
	return fields;
}
