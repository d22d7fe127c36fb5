// Zoom paging (https://developers.zoom.us/docs/api/pagination): page_size default 30, clamped to the
// max; next_page_token random, bound to the query that produced it, valid 15 minutes; "" on the last
// page. page_number still works. A few lists page by page_number alone (Rivet's query types say which).
import type { Ctx } from './core';
import { ZoomError, randomToken } from './http';

export interface Page<T> {
	items: T[];
	page_size: number;
	total_records: number;
	next_page_token: string;
	page_count: number;
	page_number: number;
}

/** The query minus paging params, plus the route and token owner: what a page token is bound to. */
function queryKey(ctx: Ctx): string {
	const q = [...ctx.query.entries()].filter(([k]) => !['next_page_token', 'page_size', 'page_number'].includes(k)).sort();
	return `${ctx.route}|${JSON.stringify(ctx.params)}|${JSON.stringify(q)}|${ctx.token.accountId}`;
}

export interface PagingRules {
	/** The list's own page_size maximum where Zoom documents one above the usual (List users: 2000). */
	maxPageSize?: number;
	/** A list that pages by page_number only (List webinars): a next_page_token is ignored, none is sent. */
	byPageNumber?: boolean;
}

export function paginate<T>(ctx: Ctx, all: T[], rules: PagingRules = {}): Page<T> {
	const { store, config } = ctx.sb;
	const max = rules.maxPageSize ?? config.maxPageSize;
	const raw = Number(ctx.query.get('page_size') ?? '');
	const size = Number.isFinite(raw) && raw >= 1 ? Math.min(Math.floor(raw), max) : Math.min(30, max);
	const key = queryKey(ctx);
	const now = Date.now();
	let offset = 0;
	const tokenParam = rules.byPageNumber ? null : ctx.query.get('next_page_token');
	if (tokenParam) {
		const cur = store.pageCursors.get(tokenParam);
		if (!cur || cur.key !== key || cur.expiresAt < now) throw new ZoomError(400, 300, 'The next page token is invalid or expired.');
		offset = cur.offset;
	} else if (ctx.query.get('page_number')) {
		const n = Number(ctx.query.get('page_number'));
		offset = Number.isInteger(n) && n > 1 ? (n - 1) * size : 0;
	}
	const items = all.slice(offset, offset + size);
	let next = '';
	if (!rules.byPageNumber && offset + size < all.length) {
		// Keep long benchmark runs from growing the cursor map without bound.
		if (store.pageCursors.size > 50000) for (const [k, c] of store.pageCursors) if (c.expiresAt < now) store.pageCursors.delete(k);
		next = randomToken(24);
		store.pageCursors.set(next, { key, offset: offset + size, expiresAt: now + config.pageTokenTtlSeconds * 1000 });
	}
	return {
		items,
		page_size: size,
		total_records: all.length,
		next_page_token: next,
		page_count: Math.ceil(all.length / size),
		page_number: Math.floor(offset / size) + 1,
	};
}
