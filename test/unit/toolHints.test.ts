/**
 * The Zoom Connector is usableAsTool: an AI agent picks an operation by the text n8n gives it, which for a
 * tool node is the operation's `action` ("<action> in Zoom Connector", n8n-workflow's makeDescription). So
 * every operation's action and description say what it returns, and every destructive one says so in both.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ZoomConnector } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/ZoomConnector.node';

interface Operation {
	resource: string;
	value: string;
	action: string;
	description: string;
}

function operations(): Operation[] {
	const { description } = new ZoomConnector();
	expect(description.usableAsTool).toBe(true);
	const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	return description.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((option) => ({
				resource: String(p.displayOptions?.show?.resource?.[0]),
				value: String(option.value),
				action: option.action ?? '',
				description: option.description ?? '',
			})),
		)
		.filter((operation) => resources.some((r) => r.value === operation.resource));
}

/** Operations that delete, end, cancel, deny, remove or revoke something: an agent must know before calling them. */
const DESTRUCTIVE = /^(delete|end|cancel|deny|remove|revoke)/i;
const SAYS_DESTRUCTIVE_IN_ACTION = /\b(destructively|irreversibly|permanently)\b/i;
const SAYS_DESTRUCTIVE = /\bDestructive\b/;

describe('hints for an AI agent', () => {
	const all = operations();

	it('walks every operation of every resource', () => {
		expect(all.length).toBeGreaterThanOrEqual(50);
		expect(new Set(all.map((o) => o.resource)).size).toBeGreaterThanOrEqual(12);
		expect(all.filter((o) => DESTRUCTIVE.test(o.value)).length).toBeGreaterThanOrEqual(12);
	});

	it('every operation says what it returns, in its action and its description', () => {
		const missing = all.filter((o) => !/\breturn\b/i.test(o.action) || !/\bReturns\b/.test(o.description));
		expect(missing.map((o) => `${o.resource}.${o.value}: ${o.action} | ${o.description}`)).toEqual([]);
	});

	it('every destructive operation says so, in its action and its description', () => {
		const silent = all.filter((o) => DESTRUCTIVE.test(o.value) && (!SAYS_DESTRUCTIVE_IN_ACTION.test(o.action) || !SAYS_DESTRUCTIVE.test(o.description)));
		expect(silent.map((o) => `${o.resource}.${o.value}: ${o.action} | ${o.description}`)).toEqual([]);
	});

	it('an operation that is not destructive does not cry wolf in its action', () => {
		const alarming = all.filter((o) => !DESTRUCTIVE.test(o.value) && SAYS_DESTRUCTIVE_IN_ACTION.test(o.action));
		expect(alarming.map((o) => `${o.resource}.${o.value}: ${o.action}`)).toEqual([]);
	});
});
