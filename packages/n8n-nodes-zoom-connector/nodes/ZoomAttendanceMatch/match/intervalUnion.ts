/**
 * Phase 3 of the match, interval union: one person's rows to their attendance, overlapping time counted
 * once. Segments are sorted and merged in two scratch buffers shared by all people and all matches.
 */

/** Attendance per group, written by personAttendance. */
export interface AttendanceColumns {
	seconds: Float64Array;
	firstJoin: Float64Array;
	lastLeave: Float64Array;
	segments: Int32Array;
}

// Scratch buffers reused across people, so a person costs no allocation: most have a handful of segments.
// Module state, but safe: personAttendance fills and reads them in one
// synchronous call, so no two people (or matches) ever use them at once; they only ever grow.
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
 * One person's attendance from their rows, written into slot `group` of the columns. Rows with both
 * times are segments; lone join and lone leave times (webhook events) are paired in time order, a join
 * left open runs to the session's end and a leave without a join starts at the person's previous leave
 * or the session's start.
 */
export function personAttendance(
	rows: Int32Array,
	from: number,
	to: number,
	starts: Float64Array,
	ends: Float64Array,
	hasLoneTimes: boolean,
	sessionStart: number,
	sessionEnd: number,
	out: AttendanceColumns,
	group: number,
): void {
	let count = 0;
	let loneEvents: Array<{ time: number; join: boolean }> | undefined;
	for (let k = from; k < to; k++) {
		const row = rows[k];
		const start = starts[row];
		const end = ends[row];
		if (!hasLoneTimes || (!Number.isNaN(start) && !Number.isNaN(end)))
			count = addSegment(count, start, end);
		else
			(loneEvents ??= []).push(
				Number.isNaN(start) ? { time: end, join: false } : { time: start, join: true },
			);
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
	out.seconds[group] = totalMs / 1000;
	out.firstJoin[group] = scratchStarts[0];
	out.lastLeave[group] = lastLeave;
	out.segments[group] = count;
}
