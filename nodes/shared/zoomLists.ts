/**
 * The Zoom lists whose paging is not the transport's default (next_page_token, page_size at most 300):
 * List webinars pages by page_number alone, and List users takes a page_size up to 2000.
 */
import type { IDataObject } from 'n8n-workflow';
import type { WebinarsListWebinarsQueryParams } from '@zoom/rivet/meetings';
import type { UsersListUsersQueryParams } from '@zoom/rivet/users';

import {
	MAX_PAGE_SIZE,
	zoomApiRequest,
	type ZoomContext,
	type ZoomRequestOptions,
} from './transport';

export interface ListPaging {
	/** Walk page_number 1, 2, … instead of following next_page_token. */
	byPageNumber: boolean;
	maxPageSize: number;
}

/**
 * GET /users/{userId}/webinars: its query has page_number and no next_page_token (Rivet's
 * WebinarsListWebinarsQueryParams; https://developers.zoom.us/docs/api/meetings/#tag/webinars/GET/users/{userId}/webinars).
 */
export const LIST_WEBINARS: ListPaging = { byPageNumber: true, maxPageSize: MAX_PAGE_SIZE };

/**
 * GET /users: page_size up to 2000 (https://developers.zoom.us/docs/api/users/#tag/users/GET/users); Rivet's
 * UsersListUsersQueryParams types it as a bare number, so the maximum is Zoom's documentation's word.
 */
export const LIST_USERS: ListPaging = { byPageNumber: false, maxPageSize: 2000 };

/** The query of one list request; Rivet's query types keep it to parameters Zoom has. */
type ListQuery = WebinarsListWebinarsQueryParams | UsersListUsersQueryParams;

/** Pages of a list that follows `paging`; page_size stays the same on every page. */
export async function* zoomListPages(
	this: ZoomContext,
	endpoint: string,
	propertyName: string,
	paging: ListPaging,
	options: ZoomRequestOptions & { pageSize?: number } = {},
): AsyncGenerator<IDataObject[], void, undefined> {
	const pageSize = Math.max(
		1,
		Math.min(paging.maxPageSize, options.pageSize ?? paging.maxPageSize),
	);
	let pageNumber = 1;
	let nextPageToken = '';
	for (;;) {
		const paged: ListQuery = paging.byPageNumber
			? { page_size: pageSize, page_number: pageNumber }
			: { page_size: pageSize, ...(nextPageToken ? { next_page_token: nextPageToken } : {}) };
		const page = await zoomApiRequest.call(this, 'GET', endpoint, {
			...options,
			qs: { ...options.qs, ...paged },
		});
		const found = page[propertyName];
		const items = Array.isArray(found) ? (found as IDataObject[]) : [];
		yield items;
		if (paging.byPageNumber) {
			// page_count says how many pages there are; without it a short page is the last.
			const pageCount = Number(page.page_count);
			const last = Number.isFinite(pageCount) ? pageNumber >= pageCount : items.length < pageSize;
			if (last || !items.length) return;
			pageNumber++;
		} else {
			nextPageToken = typeof page.next_page_token === 'string' ? page.next_page_token : '';
			if (!nextPageToken) return;
		}
	}
}

/** Every item of such a list (Return All), or the first `limit`. */
export async function zoomListAll(
	this: ZoomContext,
	endpoint: string,
	propertyName: string,
	paging: ListPaging,
	options: ZoomRequestOptions & { limit?: number } = {},
): Promise<IDataObject[]> {
	const limit = options.limit && options.limit > 0 ? options.limit : undefined;
	const results: IDataObject[] = [];
	for await (const items of zoomListPages.call(this, endpoint, propertyName, paging, {
		...options,
		pageSize: limit,
	})) {
		for (const item of items) {
			results.push(item);
			if (limit !== undefined && results.length >= limit) return results;
		}
	}
	return results;
}
