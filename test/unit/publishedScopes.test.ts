/**
 * Scope names the user is told to tick are names Zoom publishes (issue 28, point 3): every granular scope in
 * the README's Scopes table and in the credential's prefilled list (nodes/shared/scopes.ts) is one Zoom's API
 * reference lists for an endpoint (test/contract/zoomPublished.ts), or one of the event scopes the package
 * names for webhook events.
 */
import { readFileSync } from 'node:fs';

import { SCOPE_USES } from 'n8n-nodes-zoom-connector/nodes/shared/scopes';
import { ZOOM_PUBLISHED } from '../contract/zoomPublished';

const published = new Set(ZOOM_PUBLISHED.flatMap((e) => e.granularScopes));
const eventScopes = new Set(SCOPE_USES.filter((use) => use.for.startsWith('event ')).map((use) => use.scope));
const readme = readFileSync(require.resolve('n8n-nodes-zoom-connector/README.md'), 'utf8');
const scopeTable = readme.slice(readme.indexOf('Scopes to tick'), readme.indexOf('### Environment'));

/** Backticked scope names of the table; `meeting:` / `webinar:` `read:x` stands for both products' read:x. */
function tableScopes(): string[] {
	const names: string[] = [];
	for (const [, name] of scopeTable.matchAll(/`([a-z_]+(?::[a-z_]+)+)`/g)) {
		if (/^(user|meeting|webinar|report|cloud_recording):/.test(name)) names.push(name);
		else names.push(`meeting:${name}`, `webinar:${name}`);
	}
	return names;
}

describe('scope names', () => {
	it('the README’s table names the engagement scopes as Zoom publishes them', () => {
		for (const name of ['webinar:read:list_past_polls', 'report:read:webinar_qna:admin', 'report:read:meeting_qna:admin', 'meeting:read:list_poll_results'])
			expect(scopeTable).toContain(`\`${name}\``);
	});

	it('every scope in the README’s table is one Zoom publishes (or an event scope)', () => {
		const names = tableScopes();
		expect(names.length).toBeGreaterThan(50);
		expect(names.filter((name) => !published.has(name) && !eventScopes.has(name))).toEqual([]);
	});

	it('every REST scope of the credential’s list is the one Zoom publishes for that endpoint', () => {
		for (const use of SCOPE_USES.filter((u) => !u.for.startsWith('event '))) {
			const [method, path] = use.for.split(' ');
			const endpoint = ZOOM_PUBLISHED.find((e) => e.method === method && e.path === path);
			expect({ for: use.for, scope: use.scope, zoom: endpoint?.granularScopes.includes(use.scope) }).toEqual({ for: use.for, scope: use.scope, zoom: true });
		}
	});
});
