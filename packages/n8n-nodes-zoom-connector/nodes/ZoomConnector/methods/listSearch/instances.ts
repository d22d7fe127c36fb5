/**
 * The ended instances of the chosen meeting or webinar, newest first, named by start time:
 * GET /past_meetings/{meetingId}/instances and GET /past_webinars/{webinarId}/instances
 * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/past_meetings/{meetingId}/instances).
 * Zoom answers them all at once (no paging).
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { parseSessionId } from '../../../shared/ids';
import { zoomApiRequest } from '../../../shared/transport';
import { endedSessionIsWebinar } from './sessions';
import { currentText, listOrMessage, matchesSearch, messageItem, shortTime } from './results';

export async function searchPastInstances(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const webinar = endedSessionIsWebinar(this);
	const noun = webinar ? 'webinar' : 'meeting';
	const session = parseSessionId(currentText(this, 'sessionId'));
	if (!session.id) {
		return {
			results: [
				messageItem(
					`Choose the ${noun} first`,
					`The instances are those of the ${noun} above; with a UUID there, leave this empty.`,
				),
			],
		};
	}
	return await listOrMessage(async () => {
		const path = webinar ? 'past_webinars' : 'past_meetings';
		const answer = await zoomApiRequest.call(this, 'GET', `/${path}/${session.id}/instances`);
		const rows = answer[webinar ? 'webinars' : 'meetings'];
		const instances = (Array.isArray(rows) ? (rows as IDataObject[]) : [])
			.filter((row) => typeof row.uuid === 'string' && row.uuid)
			.sort((a, b) => String(b.start_time ?? '').localeCompare(String(a.start_time ?? '')));
		const results = instances
			.map((row) => ({
				name: shortTime(row.start_time) || String(row.uuid),
				value: String(row.uuid),
				description: `UUID ${String(row.uuid)}`,
			}))
			.filter((item) => matchesSearch(filter, item.name, item.value));
		if (!instances.length) {
			return {
				results: [messageItem(`No ended instance of ${noun} ${session.id} yet`)],
			};
		}
		return { results };
	});
}
