// AI Companion meeting summaries: GET /meetings/{meetingUUID}/meeting_summary and the account's list
// GET /meetings/meeting_summaries (https://developers.zoom.us/docs/api/meetings/#tag/meeting-summaries).
// Shapes are Rivet's (@zoom/rivet meetings: getMeetingOrWebinarSummary, listAccountsMeetingOrWebinarSummaries).
import type {
	MeetingSummaryCompletedEvent,
	MeetingsGetMeetingOrWebinarSummaryResponse,
	MeetingsListAccountsMeetingOrWebinarSummariesResponse,
} from '@zoom/rivet/meetings';

import type { Ctx, Route, Sandbox } from './core';
import { route } from './core';
import { ZoomError, isoSeconds, json } from './http';
import { paginate } from './paging';
import type { Instance, Session } from './store';
import { latestInstance } from './store';

/** What a test seeds for one ended instance; the rest of Zoom's answer is derived from the session. */
export interface SummarySeed {
	title?: string;
	overview: string;
	details: { label: string; summary: string }[];
	nextSteps: string[];
	/** Zoom sends edited_summary only once someone edited the summary in the web portal. */
	edited?: { summary_overview?: string; summary_details?: string; next_steps?: string[] };
	createdMs: number;
}

const summaries = new WeakMap<Instance, SummarySeed>();

type SummaryBody = MeetingsGetMeetingOrWebinarSummaryResponse;
type SummaryRow = NonNullable<MeetingsListAccountsMeetingOrWebinarSummariesResponse['summaries']>[number];

/** The fields every summary answer and meeting.summary_completed share (required, as Rivet's event has them). */
type SummaryHeader = Omit<
	MeetingSummaryCompletedEvent['payload']['object'],
	'summary_title' | 'summary_overview' | 'summary_details' | 'next_steps' | 'summary_content' | 'summary_doc_url'
>;

function header(sb: Sandbox, s: Session, i: Instance, seed: SummarySeed): SummaryHeader & SummaryRow {
	const host = sb.store.users.find((u) => u.id === s.hostId);
	return {
		meeting_host_id: s.hostId,
		meeting_host_email: host?.email ?? '',
		meeting_uuid: i.uuid,
		meeting_id: s.id,
		meeting_topic: s.topic,
		meeting_start_time: isoSeconds(i.startMs),
		meeting_end_time: isoSeconds(i.endMs),
		summary_start_time: isoSeconds(i.startMs),
		summary_end_time: isoSeconds(i.endMs),
		summary_created_time: isoSeconds(seed.createdMs),
		summary_last_modified_time: isoSeconds(seed.createdMs),
	};
}

/** Zoom's Markdown-like full text: overview, then each topic, then next steps. */
function content(seed: SummarySeed): string {
	const topics = seed.details.map((d) => `### ${d.label}\n${d.summary}`).join('\n\n');
	const steps = seed.nextSteps.map((step) => `* ${step}`).join('\n');
	return `## Quick recap\n${seed.overview}\n\n## Summary\n${topics}\n\n## Next steps\n${steps}\n`;
}

function summaryBody(sb: Sandbox, s: Session, i: Instance, seed: SummarySeed): SummaryBody {
	const host = sb.store.users.find((u) => u.id === s.hostId);
	return {
		...header(sb, s, i, seed),
		summary_last_modified_user_id: s.hostId,
		summary_last_modified_user_email: host?.email ?? '',
		summary_title: seed.title ?? `Meeting summary for ${s.topic}`,
		summary_overview: seed.overview,
		summary_details: seed.details.map((d) => ({ label: d.label, summary: d.summary })),
		next_steps: [...seed.nextSteps],
		...(seed.edited ? { edited_summary: seed.edited } : {}),
		summary_content: content(seed),
		summary_doc_url: `https://docs.zoom.us/doc/${i.uuid.replace(/[^A-Za-z0-9]/g, '')}`,
	};
}

function getSummary(ctx: Ctx) {
	const raw = ctx.params.id;
	const instance = ctx.sb.store.instances.get(raw);
	const session = instance && ctx.sb.store.sessions.get(instance.sessionId);
	if (!instance || !session) throw new ZoomError(404, 3001, `Meeting does not exist: ${raw}.`);
	const seed = summaries.get(instance);
	if (!seed) throw new ZoomError(404, 3322, 'Meeting summary does not exist.');
	return json(200, summaryBody(ctx.sb, session, instance, seed));
}

/** `from`/`to`: Zoom documents yyyy-MM-ddTHH:mm:ssZ; a bare date is taken as that day (to: its end). */
function instantParam(ctx: Ctx, name: 'from' | 'to'): number | undefined {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return undefined;
	const day = /^\d{4}-\d{2}-\d{2}$/.test(raw);
	const ms = Date.parse(day ? `${raw}T00:00:00Z` : raw);
	if (Number.isNaN(ms)) throw new ZoomError(400, 300, `Invalid field: ${name}.`, [{ field: name, message: 'Invalid value.' }]);
	return day && name === 'to' ? ms + 86_399_999 : ms;
}

function listSummaries(ctx: Ctx) {
	const from = instantParam(ctx, 'from');
	const to = instantParam(ctx, 'to');
	if (from !== undefined && to !== undefined && to < from) throw new ZoomError(400, 300, 'The "to" date must not be before the "from" date.');
	const rows: { seed: SummarySeed; row: SummaryRow }[] = [];
	for (const s of ctx.sb.store.sessions.values()) {
		for (const i of s.instances) {
			const seed = summaries.get(i);
			if (!seed || (from !== undefined && seed.createdMs < from) || (to !== undefined && seed.createdMs > to)) continue;
			rows.push({ seed, row: header(ctx.sb, s, i, seed) });
		}
	}
	rows.sort((a, b) => b.seed.createdMs - a.seed.createdMs);
	const { items, page_size, next_page_token } = paginate(ctx, rows);
	const body: MeetingsListAccountsMeetingOrWebinarSummariesResponse = {
		page_size,
		next_page_token,
		...(ctx.query.get('from') ? { from: ctx.query.get('from') as string } : {}),
		...(ctx.query.get('to') ? { to: ctx.query.get('to') as string } : {}),
		summaries: items.map((x) => x.row),
	};
	return json(200, body);
}

/**
 * The payload of meeting.summary_completed for an instance whose summary is ready, as Rivet types it
 * (MeetingSummaryCompletedEvent; https://developers.zoom.us/docs/api/meetings/events/#tag/meeting/POST/meeting.summary_completed).
 * Zoom sends it once AI Companion has finished the summary, after the meeting ended.
 */
export function summaryCompletedPayload(sb: Sandbox, s: Session, i: Instance): MeetingSummaryCompletedEvent['payload'] {
	const seed = summaries.get(i);
	if (!seed) throw new ZoomError(400, 3000, `Instance ${i.uuid} has no summary yet; seed one with POST /_sandbox/summaries first.`);
	const body = summaryBody(sb, s, i, seed);
	return {
		account_id: sb.store.accountId,
		object: {
			...header(sb, s, i, seed),
			summary_title: body.summary_title ?? '',
			summary_overview: body.summary_overview,
			summary_details: seed.details.map((d) => ({ label: d.label, summary: d.summary })),
			next_steps: [...seed.nextSteps],
			summary_content: body.summary_content,
			summary_doc_url: body.summary_doc_url,
		},
	};
}

/** Registered before the meeting routes: `/meetings/meeting_summaries` must not be read as `/meetings/:id`. */
export const summaryRoutes: Route[] = [
	route('GET', '/meetings/meeting_summaries', 'Medium', 'meeting:read:list_summaries:admin', 'meeting_summary:read:admin', listSummaries),
	route('GET', '/meetings/:id/meeting_summary', 'Light', 'meeting:read:summary', 'meeting_summary:read', getSummary),
];

/**
 * Control: POST /_sandbox/summaries {meetingId | uuid, overview, details, nextSteps, title?, edited?,
 * createdMinutesAgo?} gives an ended instance (the latest of meetingId, or that uuid) its summary.
 */
export function seedSummary(sb: Sandbox, b: Record<string, unknown>): { uuid: string; meetingId: number } {
	const instance = seededInstance(sb, b);
	const details = Array.isArray(b.details) ? (b.details as { label: string; summary: string }[]) : [];
	const seed: SummarySeed = {
		overview: String(b.overview ?? ''),
		details: details.map((d) => ({ label: String(d.label), summary: String(d.summary) })),
		nextSteps: Array.isArray(b.nextSteps) ? (b.nextSteps as unknown[]).map(String) : [],
		createdMs: Date.now() - Number(b.createdMinutesAgo ?? 0) * 60000,
		...(typeof b.title === 'string' ? { title: b.title } : {}),
		...(b.edited && typeof b.edited === 'object' ? { edited: b.edited as SummarySeed['edited'] } : {}),
	};
	summaries.set(instance, seed);
	return { uuid: instance.uuid, meetingId: instance.sessionId };
}

/** The ended instance a seed control call names: `uuid`, or the latest instance of `meetingId`. */
export function seededInstance(sb: Sandbox, b: Record<string, unknown>): Instance {
	let instance: Instance | undefined;
	if (typeof b.uuid === 'string') instance = sb.store.instances.get(b.uuid);
	else if (b.meetingId !== undefined) {
		const s = sb.store.sessions.get(Number(b.meetingId));
		instance = s && latestInstance(s);
	}
	if (!instance) throw new ZoomError(400, 300, `No ended instance for ${JSON.stringify({ uuid: b.uuid, meetingId: b.meetingId })}`);
	return instance;
}
