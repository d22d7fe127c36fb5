/**
 * What every list of the editor's resource locators shares: reading the node's other parameters, paging
 * a Zoom list until enough rows match the search, and turning a failure into a line of the list.
 * n8n's listSearch answers `{ results, paginationToken }` (INodeListSearchResult); an error thrown here
 * would leave the dropdown with a generic "could not load" note, so Zoom's reason (the missing scope, the
 * rate limit and when it resets) becomes the list's one entry instead.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { locatorValue } from '../../shared/locators';

/** A page of a Zoom list: its rows and the token of the next page (none on the last). */
export interface ListPage {
	items: IDataObject[];
	next?: string;
}

/** Enough rows for one screen of the dropdown; more load as the user scrolls. */
const WANTED = 30;
/** Pages read in one call while a search finds too few rows, so a search never walks a huge account at once. */
const MAX_PAGES_PER_CALL = 5;

/** Whether any of `texts` contains the search, ignoring case; everything matches an empty search. */
export function matchesSearch(filter: string | undefined, ...texts: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (!wanted) return true;
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(wanted),
	);
}

/**
 * Reads pages from `token` on until WANTED rows match (or MAX_PAGES_PER_CALL pages were read), and
 * hands n8n the token to go on from. Rows with an ID already listed in this call are left out.
 */
export async function collectPages(
	fetchPage: (token: string | undefined) => Promise<ListPage>,
	toItem: (row: IDataObject) => INodeListSearchItems | undefined,
	token: string | undefined,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	const seen = new Set<string>();
	let next = token || undefined;
	for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
		const page = await fetchPage(next);
		for (const row of page.items) {
			const item = toItem(row);
			if (!item || seen.has(String(item.value))) continue;
			seen.add(String(item.value));
			results.push(item);
		}
		next = page.next || undefined;
		if (!next || results.length >= WANTED) break;
	}
	return { results, ...(next ? { paginationToken: next } : {}) };
}

/** A line of the list that explains instead of naming a resource; choosing it leaves the field empty. */
export function messageItem(name: string, description?: string): INodeListSearchItems {
	return { name, value: '', ...(description ? { description } : {}) };
}

/** Zoom's reason for a failed list (the transport's message and fix), as the list's one line. */
export function failureResult(error: unknown): INodeListSearchResult {
	if (error instanceof NodeApiError) {
		return { results: [messageItem(`⚠ ${error.message}`, error.description ?? undefined)] };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { results: [messageItem(`⚠ ${message}`)] };
}

/** Runs a list; a failure becomes the list's one line, so the dropdown shows why it is empty. */
export async function listOrMessage(
	load: () => Promise<INodeListSearchResult>,
): Promise<INodeListSearchResult> {
	try {
		return await load();
	} catch (error) {
		return failureResult(error);
	}
}

/**
 * Another parameter of the node as the editor holds it now: a resource locator's value or a plain
 * value, trimmed; '' when it is unset or an expression (which the editor cannot resolve for a list).
 */
export function currentText(context: ILoadOptionsFunctions, name: string): string {
	let raw: unknown;
	try {
		raw = locatorValue(context.getCurrentNodeParameter(name));
	} catch {
		return '';
	}
	if (typeof raw === 'number') return String(raw);
	if (typeof raw !== 'string') return '';
	const text = raw.trim();
	return text.startsWith('=') ? '' : text;
}

/** Zoom's "2026-11-30T10:00:00Z" as "2026-11-30 10:00 UTC"; other text as it is. */
export function shortTime(value: unknown): string {
	const text = typeof value === 'string' ? value : '';
	const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(text);
	return match ? `${match[1]} ${match[2]} UTC` : text;
}

/** A byte count as people read it: 1.5 MB, 320 KB. */
export function fileSize(bytes: unknown): string {
	const n = Number(bytes);
	if (!Number.isFinite(n) || n < 0) return 'size unknown';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = n;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
