/**
 * The meetings and webinars of the chosen user (the node's User, else "me"), searchable by topic:
 * GET /users/{userId}/meetings (next_page_token) and GET /users/{userId}/webinars (page_number),
 * https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings and
 * https://developers.zoom.us/docs/api/meetings/#tag/webinars/GET/users/{userId}/webinars.
 * Zoom's `scheduled` lists "all valid previous (unexpired) meetings, live meetings, and upcoming
 * scheduled meetings"; ended sessions list `previous_meetings` (webinars have no such type: `scheduled`).
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import type {
	MeetingsListMeetingsQueryParams,
	WebinarsListWebinarsQueryParams,
} from '@zoom/rivet/meetings';

import { MAX_PAGE_SIZE, zoomApiRequest } from '../../../shared/transport';
import {
	collectPages,
	currentText,
	listOrMessage,
	matchesSearch,
	shortTime,
	type ListPage,
} from './results';

type MeetingListType = NonNullable<MeetingsListMeetingsQueryParams['type']>;

/** Whose meetings the list shows: the node's User parameter where the operation has one, else "me". */
function listUser(context: ILoadOptionsFunctions): string {
	return currentText(context, 'userId') || 'me';
}

/** One meeting/webinar row as a line of the list: its topic, when, and the ID. */
function sessionItem(
	row: IDataObject,
	filter: string | undefined,
): INodeListSearchItems | undefined {
	if (row.id === undefined || row.id === null) return undefined;
	const id = String(row.id);
	const topic = typeof row.topic === 'string' && row.topic ? row.topic : '(no topic)';
	if (!matchesSearch(filter, topic, id)) return undefined;
	const when = shortTime(row.start_time) || 'no fixed time';
	return { name: topic, value: id, description: `${when} · ID ${id}` };
}

async function meetingPage(
	context: ILoadOptionsFunctions,
	type: MeetingListType,
	token: string | undefined,
): Promise<ListPage> {
	const qs: MeetingsListMeetingsQueryParams = { type, page_size: MAX_PAGE_SIZE };
	if (token) qs.next_page_token = token;
	const page = await zoomApiRequest.call(
		context,
		'GET',
		`/users/${encodeURIComponent(listUser(context))}/meetings`,
		{ qs: qs as IDataObject },
	);
	const items = Array.isArray(page.meetings) ? (page.meetings as IDataObject[]) : [];
	const next = typeof page.next_page_token === 'string' ? page.next_page_token : undefined;
	return { items, next };
}

/** Webinars page by page_number: the token is the next page's number. */
async function webinarPage(
	context: ILoadOptionsFunctions,
	token: string | undefined,
): Promise<ListPage> {
	const pageNumber = Math.max(1, Number(token) || 1);
	const qs: WebinarsListWebinarsQueryParams = {
		type: 'scheduled',
		page_size: MAX_PAGE_SIZE,
		page_number: pageNumber,
	};
	const page = await zoomApiRequest.call(
		context,
		'GET',
		`/users/${encodeURIComponent(listUser(context))}/webinars`,
		{ qs: qs as IDataObject },
	);
	const items = Array.isArray(page.webinars) ? (page.webinars as IDataObject[]) : [];
	const pageCount = Number(page.page_count);
	const more = Number.isFinite(pageCount) ? pageNumber < pageCount : items.length >= MAX_PAGE_SIZE;
	return { items, next: more && items.length ? String(pageNumber + 1) : undefined };
}

function listMeetings(context: ILoadOptionsFunctions, type: MeetingListType) {
	return async (filter?: string, token?: string): Promise<INodeListSearchResult> =>
		await listOrMessage(
			async () =>
				await collectPages(
					async (next) => await meetingPage(context, type, next),
					(row) => sessionItem(row, filter),
					token,
				),
		);
}

async function listWebinars(
	context: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	return await listOrMessage(
		async () =>
			await collectPages(
				async (next) => await webinarPage(context, next),
				(row) => sessionItem(row, filter),
				token,
			),
	);
}

/** Whether the ended session the node asks for is a webinar: from the operation, else the Session Type. */
export function endedSessionIsWebinar(context: ILoadOptionsFunctions): boolean {
	const resource = currentText(context, 'resource');
	const operation = currentText(context, 'operation');
	if (resource === 'report') return /webinar/i.test(operation);
	if (resource === 'pastSession' && operation === 'getAbsentees') return true;
	if (resource === 'recording' || resource === 'meetingSummary') return false;
	return currentText(context, 'sessionType') === 'webinar';
}

export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listMeetings(this, 'scheduled')(filter, paginationToken);
}

export async function searchWebinars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listWebinars(this, filter, paginationToken);
}

export async function searchEndedMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listMeetings(this, 'previous_meetings')(filter, paginationToken);
}

export async function searchEndedWebinars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listWebinars(this, filter, paginationToken);
}

/** Ended meetings or webinars, as the node's Session Type (or operation) says. */
export async function searchEndedSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return endedSessionIsWebinar(this)
		? await listWebinars(this, filter, paginationToken)
		: await listMeetings(this, 'previous_meetings')(filter, paginationToken);
}
