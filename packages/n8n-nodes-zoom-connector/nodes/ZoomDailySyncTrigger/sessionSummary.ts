/**
 * The Daily Sync's Include Meeting Summary option: each ended session's AI Companion summary, read with
 * GET /meetings/{meetingUUID}/meeting_summary (meetings and webinars alike;
 * https://developers.zoom.us/docs/api/meetings/#tag/meeting-summaries/GET/meetings/{meetingId}/meeting_summary).
 * A session without a summary is no failure: AI Companion was off, or Zoom has not finished it yet, and
 * Zoom answers 404. The item then carries summary null and the reason.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	summaryFields,
	type ZoomMeetingSummary,
} from '../ZoomConnector/resources/meetingSummary/fields';
import { asNodeError } from '../shared/nodeError';
import { zoomApiRequest } from '../shared/transport';
import { encodeSessionRef } from '../shared/uuid';

export interface SessionSummary {
	/** The summary's title, times, overview, topics, next steps and full text; null without a summary. */
	summary: IDataObject | null;
	/** Why summary is null; null when there is one. */
	summaryMissingReason: string | null;
}

/** The item fields of a summary Zoom gave (its session fields are the item's own already). */
export function summaryItem(body: ZoomMeetingSummary): IDataObject {
	return {
		title: body.summary_title ?? '',
		createdTime: body.summary_created_time ?? null,
		lastModifiedTime: body.summary_last_modified_time ?? null,
		...summaryFields(body),
	} as IDataObject;
}

export async function sessionSummary(this: IPollFunctions, uuid: string): Promise<SessionSummary> {
	try {
		const body = (await zoomApiRequest.call(
			this,
			'GET',
			`/meetings/${encodeSessionRef(uuid)}/meeting_summary`,
		)) as ZoomMeetingSummary;
		return { summary: summaryItem(body), summaryMissingReason: null };
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			const code = error.context.zoomCode;
			const said = code === undefined ? '' : ` (Zoom code ${String(code)})`;
			return {
				summary: null,
				summaryMissingReason: `Zoom has no AI Companion summary for this session: AI Companion's meeting summary was off, or the summary is not ready yet${said}`,
			};
		}
		throw asNodeError(this.getNode(), error);
	}
}
