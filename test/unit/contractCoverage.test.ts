/**
 * "Every operation" in test/n8n/contract.test.ts is checked here: the list it runs must hold each
 * (resource, operation) pair the Zoom Connector node offers, for each credential, except the pairs
 * CREDENTIAL_ONLY excuses for the other credential.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ZoomConnector } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/ZoomConnector.node';
import { CREDENTIAL_ONLY, SESSION_TYPE_ONLY, contractOperations, type ContractSessions, type Kind, type Operation } from '../contract/connectorOperations';

/** `resource.operation` of every Operation option the node shows, per resource. */
export function offeredPairs(properties: INodeProperties[]): string[] {
	return properties
		.filter((p) => p.name === 'operation' && p.type === 'options')
		.flatMap((p) => {
			const resources = (p.displayOptions?.show?.resource ?? []) as string[];
			const values = (p.options ?? []).map((o) => String((o as { value: unknown }).value));
			return resources.flatMap((resource) => values.map((operation) => `${resource}.${operation}`));
		});
}

/** Pairs `offered` that `ops` does not run with `kind`, other than those only the other credential can run. */
export function missingPairs(offered: string[], ops: Operation[], kind: Kind): string[] {
	const run = new Set(ops.map((op) => `${op.resource}.${op.operation}`));
	return offered.filter((pair) => !run.has(pair) && (CREDENTIAL_ONLY[pair]?.only ?? kind) === kind);
}

/** `resource.operation (sessionType)` of each session type a pair offers that `ops` does not run it with. */
export function missingSessionTypes(properties: INodeProperties[], offered: string[], ops: Operation[]): string[] {
	const run = new Set(ops.map((op) => `${op.resource}.${op.operation} (${String(op.sessionType)})`));
	return properties
		.filter((p) => p.name === 'sessionType' && p.type === 'options')
		.flatMap((p) => {
			const show = p.displayOptions?.show ?? {};
			const pairs = offered.filter((pair) => {
				const [resource, operation] = pair.split('.');
				return (show.resource as string[]).includes(resource) && (!show.operation || (show.operation as string[]).includes(operation));
			});
			const types = (p.options ?? []).map((o) => String((o as { value: unknown }).value));
			return pairs.flatMap((pair) => types.filter((type) => (SESSION_TYPE_ONLY[pair] ?? type) === type).map((type) => `${pair} (${type})`));
		})
		.filter((entry) => !run.has(entry));
}

const session = (id: number) => ({ id, latestUuid: `uuid-${id}==` });
const sessions: ContractSessions = {
	meeting: session(1),
	pastMeeting: session(2),
	webinar: session(3),
	pastWebinar: session(4),
	liveMeeting: session(5),
	liveWebinar: session(6),
};
const properties = new ZoomConnector().description.properties;
const offered = offeredPairs(properties);
const kinds: Kind[] = ['oauth2', 's2s'];

describe('the contract test runs every operation of the Zoom Connector node', () => {
	it('reads the operations the node offers: every resource, new ones included', () => {
		expect(offered.length).toBeGreaterThan(50);
		expect(offered).toEqual(expect.arrayContaining(['meetingSummary.getAll', 'panelist.removeAll', 'recording.recoverFile', 'registrant.getTrackingSources', 'authorization.revoke']));
		const resources = new Set(offered.map((pair) => pair.split('.')[0]));
		const selector = properties.find((p) => p.name === 'resource');
		expect([...resources].sort()).toEqual((selector?.options ?? []).map((o) => String((o as { value: unknown }).value)).sort());
	});

	it.each(kinds)('with %s, every pair the credential can run is in the list', (kind) => {
		expect(missingPairs(offered, contractOperations(sessions, kind), kind)).toEqual([]);
	});

	it.each(kinds)('with %s, an operation with a Session Type runs for meetings and for webinars', (kind) => {
		expect(missingSessionTypes(properties, offered, contractOperations(sessions, kind))).toEqual([]);
	});

	it.each(kinds)('with %s, the list runs nothing the node does not offer, nor what only the other credential can', (kind) => {
		const pairs = contractOperations(sessions, kind).map((op) => `${op.resource}.${op.operation}`);
		expect(pairs.filter((pair) => !offered.includes(pair))).toEqual([]);
		expect(pairs.filter((pair) => (CREDENTIAL_ONLY[pair]?.only ?? kind) !== kind)).toEqual([]);
	});

	it('excuses only pairs the node offers', () => {
		expect(Object.keys(CREDENTIAL_ONLY).filter((pair) => !offered.includes(pair))).toEqual([]);
	});

	it('names a pair missing from the list', () => {
		const ops = contractOperations(sessions, 's2s').filter((op) => !(op.resource === 'panelist' && op.operation === 'removeAll'));
		expect(missingPairs(offered, ops, 's2s')).toEqual(['panelist.removeAll']);
		expect(missingPairs(offered, ops, 'oauth2').sort()).toEqual(['authorization.revoke', 'panelist.removeAll']);
		const noWebinarQa = ops.filter((op) => !(op.operation === 'getQa' && op.sessionType === 'webinar'));
		expect(missingSessionTypes(properties, offered, noWebinarQa)).toEqual(['engagement.getQa (webinar)']);
	});
});
