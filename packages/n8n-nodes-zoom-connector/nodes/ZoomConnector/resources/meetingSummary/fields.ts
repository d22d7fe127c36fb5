/**
 * The structured fields of an AI Companion meeting summary, read from Zoom's answer to
 * GET /meetings/{meetingUUID}/meeting_summary
 * (https://developers.zoom.us/docs/api/meetings/#tag/meeting-summaries/GET/meetings/{meetingId}/meeting_summary).
 * Pure: unit-tested without n8n.
 */
import type { MeetingsGetMeetingOrWebinarSummaryResponse } from '@zoom/rivet/meetings';

export type ZoomMeetingSummary = MeetingsGetMeetingOrWebinarSummaryResponse;

export interface SummaryTopic {
	label: string;
	summary: string;
}

/** Fields added next to Zoom's own, so a CRM or a document store can take them as they are. */
export interface SummaryFields {
	overview: string;
	topics: SummaryTopic[];
	nextSteps: string[];
	/** Zoom's summary_content, or the overview, topics and next steps as text when Zoom sent none. */
	fullText: string;
	/** Whether someone edited the summary in Zoom (the edited overview and next steps win). */
	edited: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.map(text).filter((step) => step !== '') : [];
}

/** The overview, topics and next steps as plain text, in Zoom's order. */
export function composeSummaryText(
	overview: string,
	topics: SummaryTopic[],
	nextSteps: string[],
): string {
	const parts: string[] = [];
	if (overview) parts.push(overview);
	for (const topic of topics)
		parts.push(topic.label ? `${topic.label}\n${topic.summary}` : topic.summary);
	if (nextSteps.length)
		parts.push(`Next steps\n${nextSteps.map((step) => `- ${step}`).join('\n')}`);
	return parts.join('\n\n');
}

/**
 * Overview, per-topic details and next steps of a summary. An edit made in Zoom's portal replaces
 * the overview and next steps (Zoom keeps the edited text apart, in edited_summary).
 */
export function summaryFields(body: ZoomMeetingSummary): SummaryFields {
	const edited = body.edited_summary;
	const editedOverview = text(edited?.summary_overview);
	const editedSteps = strings(edited?.next_steps);
	const overview = editedOverview || text(body.summary_overview);
	const topics = (Array.isArray(body.summary_details) ? body.summary_details : [])
		.map((detail) => ({ label: text(detail?.label), summary: text(detail?.summary) }))
		.filter((topic) => topic.label !== '' || topic.summary !== '');
	const nextSteps = editedSteps.length ? editedSteps : strings(body.next_steps);
	const content = text(body.summary_content);
	return {
		overview,
		topics,
		nextSteps,
		fullText: content || composeSummaryText(overview, topics, nextSteps),
		edited: editedOverview !== '' || editedSteps.length > 0 || text(edited?.summary_details) !== '',
	};
}
