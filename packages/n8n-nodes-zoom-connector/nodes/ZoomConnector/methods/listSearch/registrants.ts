/**
 * The registrants of the chosen meeting or webinar, by status: GET /meetings/{meetingId}/registrants and
 * GET /webinars/{webinarId}/registrants with `status` pending, approved or denied
 * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}/registrants).
 * Approve lists the pending ones, Deny the pending and approved, Cancel the approved; Get and Delete all.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import type { MeetingsListMeetingRegistrantsQueryParams } from '@zoom/rivet/meetings';

import { parseSessionId } from '../../../shared/ids';
import { MAX_PAGE_SIZE, zoomApiRequest } from '../../../shared/transport';
import {
	collectPages,
	currentText,
	listOrMessage,
	matchesSearch,
	messageItem,
	type ListPage,
} from './results';

type Status = NonNullable<MeetingsListMeetingRegistrantsQueryParams['status']>;

/** The statuses each operation can act on, in the order they are listed. */
const STATUSES_FOR: Record<string, Status[]> = {
	approve: ['pending'],
	deny: ['pending', 'approved'],
	cancel: ['approved'],
};
const ALL_STATUSES: Status[] = ['approved', 'pending', 'denied'];

function registrantItem(
	row: IDataObject,
	status: Status,
	filter?: string,
): INodeListSearchItems | undefined {
	const id = typeof row.id === 'string' && row.id ? row.id : undefined;
	if (!id) return undefined;
	const name = [row.first_name, row.last_name]
		.filter((part) => typeof part === 'string' && part)
		.join(' ');
	const email = typeof row.email === 'string' ? row.email : '';
	if (!matchesSearch(filter, name, email, id)) return undefined;
	return {
		name: name && email ? `${name} <${email}>` : name || email || id,
		value: id,
		description: `${status[0].toUpperCase()}${status.slice(1)} · Registrant ID ${id}`,
	};
}

export async function searchRegistrants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const webinar = currentText(this, 'sessionType') === 'webinar';
	const noun = webinar ? 'webinar' : 'meeting';
	const session = parseSessionId(currentText(this, webinar ? 'webinarId' : 'meetingId'));
	if (!session.id) {
		return {
			results: [messageItem(`Choose the ${noun} first`, 'The registrants are those of it.')],
		};
	}
	const statuses = STATUSES_FOR[currentText(this, 'operation')] ?? ALL_STATUSES;
	// The token names the status being listed and Zoom's token within it: "1:abc" is the 2nd status, page abc.
	const [startIndex, startToken] = splitToken(paginationToken);
	return await listOrMessage(async () => {
		const results: INodeListSearchItems[] = [];
		for (let index = startIndex; index < statuses.length; index++) {
			const status = statuses[index];
			const page = await collectPages(
				async (next) => await registrantPage(this, webinar, session.id!, status, next),
				(row) => registrantItem(row, status, filter),
				index === startIndex ? startToken : undefined,
			);
			results.push(...page.results);
			if (page.paginationToken)
				return { results, paginationToken: `${index}:${page.paginationToken}` };
		}
		return { results };
	});
}

function splitToken(token: string | undefined): [number, string | undefined] {
	const match = /^(\d+):(.*)$/.exec(token ?? '');
	return match ? [Number(match[1]), match[2] || undefined] : [0, undefined];
}

async function registrantPage(
	context: ILoadOptionsFunctions,
	webinar: boolean,
	id: string,
	status: Status,
	token: string | undefined,
): Promise<ListPage> {
	const qs: MeetingsListMeetingRegistrantsQueryParams = { status, page_size: MAX_PAGE_SIZE };
	if (token) qs.next_page_token = token;
	const page = await zoomApiRequest.call(
		context,
		'GET',
		`/${webinar ? 'webinars' : 'meetings'}/${id}/registrants`,
		{
			qs: qs as IDataObject,
		},
	);
	const items = Array.isArray(page.registrants) ? (page.registrants as IDataObject[]) : [];
	const next = typeof page.next_page_token === 'string' ? page.next_page_token : undefined;
	return { items, next };
}
