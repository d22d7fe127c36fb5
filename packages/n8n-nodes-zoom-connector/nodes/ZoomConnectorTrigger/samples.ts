/**
 * Sample deliveries for building a workflow before Zoom sends anything (pure, no n8n imports): for each event
 * the payload Zoom's SDK types (eventSkeletons.ts, generated from @zoom/rivet), filled with realistic values
 * chosen by field name. test/unit/eventSamples.test.ts type-checks every one against Rivet's event type.
 */
import { EVENT_SKELETONS } from './eventSkeletons';
import type { ZoomEnvelope } from './signature';

type Skeleton =
	's' | 'n' | 'b' | { '=': Array<string | number> } | Skeleton[] | { [field: string]: Skeleton };

const MEETING_ID = '85746065432';
const USER_ID = 'KDcuGIm1QgePTO8WbOqwIQ';
const TIMES: Record<string, string> = {
	start_time: '2026-11-30T15:00:00Z',
	end_time: '2026-11-30T16:00:00Z',
	join_time: '2026-11-30T15:02:11Z',
	leave_time: '2026-11-30T15:58:40Z',
	recording_start: '2026-11-30T15:00:05Z',
	recording_end: '2026-11-30T15:59:55Z',
};

function sampleString(key: string, path: readonly string[], userEvent: boolean): string {
	const parent = path[path.length - 1] ?? '';
	if (key === 'id') {
		if (parent === 'participant') return '16778240';
		if (parent === 'registrant') return 'U0Jlx1bQQ7mWf9B1eDiWsw';
		if (parent === 'recording_files' || parent === 'participant_audio_files') {
			return 'a2f19f96-9294-4f51-8134-6f0eea108eb2';
		}
		return userEvent && parent === 'object' ? USER_ID : MEETING_ID;
	}
	if (key === 'account_id') return 'AAAAAABBBBCCCCDD';
	if (key === 'meeting_id') return MEETING_ID;
	if (key === 'registrant_id') return 'U0Jlx1bQQ7mWf9B1eDiWsw';
	if (key.endsWith('uuid'))
		return key === 'uuid' || key === 'meeting_uuid'
			? 'aB3dEf5gHi7jKl9mNo1pQw=='
			: 'C2E5B8F4-6D7A-4E1B-9F0C-3A2B1C0D9E8F';
	if (key.endsWith('_id')) return USER_ID;
	if (key === 'topic' || key === 'meeting_topic') return 'Weekly team sync';
	if (key === 'summary_title') return 'Weekly team sync: summary';
	if (key === 'operator') return 'admin@example.com';
	if (key.endsWith('email')) return 'jill.chill@example.com';
	if (key === 'first_name') return 'Jill';
	if (key === 'last_name') return 'Chill';
	if (key === 'file_name') return 'Weekly team sync.mp4';
	if (key.endsWith('name')) return 'Jill Chill';
	if (key === 'timezone') return 'America/New_York';
	if (key === 'join_url') return `https://example.zoom.us/j/${MEETING_ID}?pwd=sample`;
	if (key.endsWith('url')) return `https://example.zoom.us/rec/${key}`;
	if (TIMES[key]) return TIMES[key];
	if (
		key.endsWith('time') ||
		key.endsWith('_start') ||
		key.endsWith('_end') ||
		key.endsWith('_at')
	) {
		return '2026-11-30T15:30:00Z';
	}
	if (key === 'leave_reason') return 'Jill Chill left the meeting. Reason: left the meeting';
	return `sample ${key.replace(/_/g, ' ')}`;
}

function sampleNumber(key: string): number {
	if (key === 'id') return Number(MEETING_ID);
	if (key === 'duration') return 60;
	if (key.endsWith('size')) return 52_428_800;
	if (key.endsWith('count')) return 1;
	if (key.endsWith('_ts') || key === 'time_stamp') return Date.parse('2026-11-30T16:00:01Z');
	return 1;
}

function fill(skeleton: Skeleton, key: string, path: string[], userEvent: boolean): unknown {
	if (skeleton === 's') return sampleString(key, path, userEvent);
	if (skeleton === 'n') return sampleNumber(key);
	if (skeleton === 'b') return false;
	if (Array.isArray(skeleton))
		return skeleton.map((element) => fill(element, key, [...path, key], userEvent));
	if ('=' in skeleton && Array.isArray(skeleton['='])) {
		const options = skeleton['='] as Array<string | number>;
		// A scheduled meeting (2) or webinar (5) rather than the first of Zoom's list.
		const preferred = key === 'type' ? options.find((o) => o === 2 || o === 5) : undefined;
		return preferred ?? options[0];
	}
	const out: Record<string, unknown> = {};
	const fields = skeleton as Record<string, Skeleton>;
	for (const field of Object.keys(fields)) {
		out[field] = fill(fields[field], field, key ? [...path, key] : path, userEvent);
	}
	return out;
}

/** The payload of a sample `event`, shaped as Rivet types it; undefined for an event without a known shape. */
export function samplePayload(event: string): Record<string, unknown> | undefined {
	const text = EVENT_SKELETONS[event];
	if (text === undefined) return undefined;
	return fill(JSON.parse(text) as Skeleton, '', [], event.startsWith('user.')) as Record<
		string,
		unknown
	>;
}

/** Events a sample is offered for: the selected ones, or for All a few common ones. */
export function sampleEvents(selected: readonly string[]): string[] {
	const wanted = selected.includes('*')
		? ['meeting.started', 'meeting.ended', 'meeting.participant_joined', 'recording.completed']
		: selected;
	return wanted.filter((event) => EVENT_SKELETONS[event] !== undefined);
}

/** A whole sample delivery as Zoom would post it. */
export function sampleBody(event: string): ZoomEnvelope | undefined {
	const payload = samplePayload(event);
	if (!payload) return undefined;
	return { event, event_ts: Date.parse('2026-11-30T16:00:01Z'), payload } as ZoomEnvelope;
}
