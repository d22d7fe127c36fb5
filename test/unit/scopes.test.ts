/**
 * The credential's scope list against Zoom's contract: every scope is for an endpoint in Rivet's endpoint
 * table (Zoom's SDK, generated from Zoom's OpenAPI specs) or an event Rivet types, and every endpoint the
 * sandbox serves with Zoom's scope check has its scope in the list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SCOPE_USES, USER_APP_SCOPES } from 'n8n-nodes-zoom-connector/nodes/shared/scopes';
import { meetingRoutes, webinarRoutes } from '../../sandbox/meetings';
import { pastRoutes } from '../../sandbox/past';
import { recordingRoutes } from '../../sandbox/recordings';
import { registrantRoutes } from '../../sandbox/registrants';
import { reportRoutes } from '../../sandbox/reports';
import { userRoutes } from '../../sandbox/users';

const rivet = (module: string, ext: string) =>
	readFileSync(join(__dirname, '../../node_modules/@zoom/rivet', module, `${module}.${ext}`), 'utf8');

/** "METHOD /path/{}" for every endpoint of Rivet's meetings, users and accounts modules. */
const RIVET_ENDPOINTS = new Set(
	['meetings', 'users', 'accounts'].flatMap((module) =>
		[...rivet(module, 'mjs').matchAll(/method:\s*"(\w+)",\s*urlPathBuilder:\s*\([^)]*\)\s*=>\s*`([^`]*)`/g)].map(
			([, method, path]) => `${method} ${path.replace(/\$\{[^}]+\}/g, '{}')}`,
		),
	),
);
const RIVET_EVENTS = rivet('meetings', 'd.ts');
const bare = (endpoint: string) => endpoint.replace(/\{[^}]+\}|:\w+/g, '{}');

describe('scopes the credential lists', () => {
	it('reads Rivet’s endpoint table', () => {
		expect(RIVET_ENDPOINTS.size).toBeGreaterThan(200);
		expect(RIVET_ENDPOINTS.has('GET /past_webinars/{}/instances')).toBe(true);
	});

	it.each(SCOPE_USES.map((use) => [use.scope, use.for]))('%s is for %s, which Zoom has', (_scope, use) => {
		if (use.startsWith('event ')) expect(RIVET_EVENTS).toContain(`Event<"${use.slice(6)}">`);
		else expect(RIVET_ENDPOINTS.has(bare(use))).toBe(true);
	});

	it('covers every Zoom endpoint the sandbox checks a scope for', () => {
		const routes = [...userRoutes, ...meetingRoutes, ...webinarRoutes, ...registrantRoutes, ...pastRoutes, ...reportRoutes, ...recordingRoutes];
		const missing = routes
			.filter((route) => RIVET_ENDPOINTS.has(`${route.method} ${bare(route.pattern.text)}`))
			.filter((route) => !route.scopes.some((scope) => USER_APP_SCOPES.includes(scope)))
			.map((route) => `${route.method} ${route.pattern.text} (${route.scopes[0]})`);
		expect(missing).toEqual([]);
	});

	it('names each scope once', () => {
		expect(new Set(USER_APP_SCOPES).size).toBe(USER_APP_SCOPES.length);
	});
});
