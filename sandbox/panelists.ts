// Webinar panelists: list, add, remove one, remove all, in Rivet's shapes (@zoom/rivet meetings:
// listPanelists, addPanelists, removePanelist, removeAllPanelists).
import type { WebinarsAddPanelistsRequestBody, WebinarsAddPanelistsResponse, WebinarsListPanelistsResponse } from '@zoom/rivet/meetings';

import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, isoSeconds, json, randomToken, validationError } from './http';
import { sessionParam } from './meetings';
import type { Session } from './store';

type Panelist = NonNullable<WebinarsListPanelistsResponse['panelists']>[number] & { id: string; email: string };

const panelists = new WeakMap<Session, Panelist[]>();
const listOf = (s: Session): Panelist[] => {
	let list = panelists.get(s);
	if (!list) panelists.set(s, (list = []));
	return list;
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function add(ctx: Ctx) {
	const s = sessionParam(ctx, 'webinar');
	const body = ctx.body as WebinarsAddPanelistsRequestBody;
	if (!Array.isArray(body.panelists) || body.panelists.length === 0) throw validationError('panelists', 'panelists is required.');
	const list = listOf(s);
	for (const p of body.panelists) {
		if (typeof p?.email !== 'string' || !EMAIL.test(p.email)) throw validationError('panelists.email', 'Invalid email.');
		if (typeof p.name !== 'string' || !p.name) throw validationError('panelists.name', 'name is required.');
	}
	for (const p of body.panelists) {
		const existing = list.find((x) => x.email.toLowerCase() === (p.email as string).toLowerCase());
		if (existing) existing.name = p.name;
		else list.push({ id: randomToken(16), email: p.email as string, name: p.name, join_url: `https://us05web.zoom.us/w/${s.id}?tk=${randomToken(30)}` });
	}
	const answer: WebinarsAddPanelistsResponse = { id: String(s.id), updated_at: isoSeconds(Date.now()) };
	return json(201, answer);
}

function list(ctx: Ctx) {
	const all = listOf(sessionParam(ctx, 'webinar'));
	const answer: WebinarsListPanelistsResponse = { total_records: all.length, panelists: all.map((p) => ({ ...p })) };
	return json(200, answer);
}

function removeOne(ctx: Ctx) {
	const all = listOf(sessionParam(ctx, 'webinar'));
	const at = all.findIndex((p) => p.id === ctx.params.panelistId);
	if (at < 0) throw new ZoomError(404, 3001, `Panelist does not exist: ${ctx.params.panelistId}.`);
	all.splice(at, 1);
	return json(204);
}

function removeAll(ctx: Ctx) {
	listOf(sessionParam(ctx, 'webinar')).length = 0;
	return json(204);
}

export const panelistRoutes: Route[] = [
	route('GET', '/webinars/:id/panelists', 'Medium', 'webinar:read:list_panelists', 'webinar:read', list),
	route('POST', '/webinars/:id/panelists', 'Medium', 'webinar:write:panelist', 'webinar:write', add),
	route('DELETE', '/webinars/:id/panelists', 'Light', 'webinar:delete:panelist', 'webinar:write', removeAll),
	route('DELETE', '/webinars/:id/panelists/:panelistId', 'Light', 'webinar:delete:panelist', 'webinar:write', removeOne),
];
