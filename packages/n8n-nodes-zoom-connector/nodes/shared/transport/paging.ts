/**
 * Walking a Zoom list page by page. Zoom pages a list one of two ways: `next_page_token` (most lists) or
 * `page_number` with `page_count` (List webinars, https://developers.zoom.us/docs/api/meetings/#tag/webinars/GET/users/{userId}/webinars).
 * A PagingRule says which, and how large a page may be.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomContext } from './credentials';
import { zoomApiRequest, type ZoomRequestOptions } from './request';

export const MAX_PAGE_SIZE = 300;

/**
 * Most pages one list is walked through: 3 million entries at Zoom's largest page. A server that claims
 * more (page_count 1e9, or new tokens forever) is stopped here rather than filling memory on Return All.
 */
export const MAX_PAGES = 10_000;

export interface PagingRule {
	/**
	 * 'token': follow next_page_token; 'pageNumber': ask for page_number 1, 2, …; 'detect': whichever the first
	 * page shows (a non-empty next_page_token, or page_count above page_number), for lists we do not know.
	 */
	style: 'token' | 'pageNumber' | 'detect';
	/** The page_size sent on every page, at most; none: no page_size is sent (Zoom's default, or the caller's qs). */
	maxPageSize?: number;
}

/** The paging of most Zoom lists: next_page_token, page_size at most 300. */
export const TOKEN_PAGING: PagingRule = { style: 'token', maxPageSize: MAX_PAGE_SIZE };

/**
 * Which property of a page holds the list: a name, or chosen from the first page (a list we do not know);
 * undefined then means the answer is no list, and the first page is the one item.
 */
export type ListProperty = string | ((firstPage: IDataObject) => string | undefined);

export type PagingOptions = ZoomRequestOptions & { pageSize?: number; paging?: PagingRule };

type Style = 'token' | 'pageNumber' | 'last';

/** What the first page says about a list of unknown paging: more pages by token, by number, or none. */
export function detectPagingStyle(page: IDataObject): Style {
	if (typeof page.next_page_token === 'string' && page.next_page_token !== '') return 'token';
	const pageCount = Number(page.page_count);
	const pageNumber = Number(page.page_number ?? 1);
	if (Number.isFinite(pageCount) && Number.isFinite(pageNumber) && pageNumber < pageCount)
		return 'pageNumber';
	return 'last';
}

/**
 * Whether the page after `page` (page_number `pageNumber`) exists: page_count says how many there are; without
 * it, a page shorter than the page size (ours, or the size Zoom echoes) is the last.
 */
function hasNextNumberedPage(
	page: IDataObject,
	items: unknown[],
	pageNumber: number,
	pageSize: number | undefined,
): boolean {
	if (!items.length) return false;
	const pageCount = Number(page.page_count);
	if (Number.isFinite(pageCount)) return pageNumber < pageCount;
	const size = pageSize ?? Number(page.page_size);
	return Number.isFinite(size) && items.length >= size;
}

/**
 * Pages of a Zoom list. page_size stays the same on every page (Zoom binds the token to the query); the
 * caller's qs goes on every page, with only next_page_token or page_number added.
 */
export async function* zoomApiPages(
	this: ZoomContext,
	endpoint: string,
	listProperty: ListProperty,
	options: PagingOptions = {},
): AsyncGenerator<IDataObject[], void, undefined> {
	const { paging = TOKEN_PAGING, pageSize: wanted, ...request } = options;
	const pageSize =
		paging.maxPageSize === undefined
			? undefined
			: Math.max(1, Math.min(paging.maxPageSize, wanted ?? paging.maxPageSize));
	let style: Style | 'detect' = paging.style;
	const chooseProperty = typeof listProperty === 'string' ? () => listProperty : listProperty;
	let property: string | undefined;
	let first = true;
	let nextPageToken = '';
	let pageNumber = 1;
	// A server that hands back a token it already gave would page forever (and fill memory on Return All);
	// so would one that ignores page_number and answers every number with the same page.
	const seenTokens = new Set<string>();
	const seenPages = new Set<string>();
	const stop = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, {
			itemIndex: request.itemIndex,
			description: `${description} Set a Limit instead of Return All, or try again later; if it persists, report it to Zoom.`,
		});
	for (let pages = 1; ; pages++) {
		if (pages > MAX_PAGES) {
			throw stop(
				`Stopped listing ${endpoint} after ${MAX_PAGES} pages`,
				`The server kept announcing more pages; no Zoom list is that long.`,
			);
		}
		const qs: IDataObject = { ...request.qs };
		if (pageSize !== undefined) qs.page_size = pageSize;
		if (style === 'token' && nextPageToken) qs.next_page_token = nextPageToken;
		if (style === 'pageNumber') qs.page_number = pageNumber;
		const page = await zoomApiRequest.call(this, 'GET', endpoint, { ...request, qs });
		if (first) {
			first = false;
			property = chooseProperty(page);
			if (property === undefined) {
				yield [page];
				return;
			}
		}
		const found = page[property as string];
		const items = Array.isArray(found) ? (found as IDataObject[]) : [];
		yield items;
		if (style === 'detect') {
			style = detectPagingStyle(page);
			// A caller's qs may start at a later page_number: go on from the page Zoom says it sent.
			pageNumber = Number(page.page_number) || pageNumber;
		}
		if (style === 'last') return;
		if (style === 'pageNumber') {
			if (!hasNextNumberedPage(page, items, pageNumber, pageSize)) return;
			// Zoom's entries are distinct, so two equal non-empty pages mean page_number was not followed.
			const content = createHash('sha256').update(JSON.stringify(items)).digest('hex');
			if (seenPages.has(content)) {
				throw stop(
					`Zoom sent the same page twice while listing ${endpoint} (page_number ${pageNumber})`,
					'The server answered a later page_number with a page it had already sent, so the list would never end.',
				);
			}
			seenPages.add(content);
			pageNumber++;
			continue;
		}
		nextPageToken = typeof page.next_page_token === 'string' ? page.next_page_token : '';
		if (!nextPageToken) return;
		if (seenTokens.has(nextPageToken)) {
			throw stop(
				`Zoom repeated a page token while listing ${endpoint} (after ${seenTokens.size + 1} pages)`,
				'The server sent a next_page_token it had already sent, so the list would never end.',
			);
		}
		seenTokens.add(nextPageToken);
	}
}

/** Every item of a Zoom list (Return All), or the first `limit`; memory holds only the result. */
export async function zoomApiRequestAllItems(
	this: ZoomContext,
	endpoint: string,
	listProperty: ListProperty,
	options: PagingOptions & { limit?: number } = {},
): Promise<IDataObject[]> {
	const { limit: wantedLimit, ...rest } = options;
	const limit = wantedLimit && wantedLimit > 0 ? wantedLimit : undefined;
	const results: IDataObject[] = [];
	for await (const items of zoomApiPages.call(this, endpoint, listProperty, {
		...rest,
		pageSize: limit,
	})) {
		for (const item of items) {
			results.push(item);
			if (limit !== undefined && results.length >= limit) return results;
		}
	}
	return results;
}
