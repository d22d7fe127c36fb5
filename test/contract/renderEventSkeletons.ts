/** The text of nodes/ZoomConnectorTrigger/eventSkeletons.ts, from Rivet's event types (eventSkeletons.ts here). */
import { EVENT_OPTIONS } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/eventCatalog';
import { rivetVersion } from './rivetEndpoints';
import { payloadSkeleton, rivetEventTypes } from './eventSkeletons';

export const SKELETON_FILE = 'packages/n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/eventSkeletons.ts';

export function renderSkeletonFile(): string {
	const offered = new Set(EVENT_OPTIONS.map((o) => String(o.value)));
	const types = rivetEventTypes().filter((t) => offered.has(t.event));
	types.sort((a, b) => a.event.localeCompare(b.event));
	const lines = types.map((t) => `\t'${t.event}': '${JSON.stringify(payloadSkeleton(t)).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}',`);
	return [
		'/**',
		` * The payload shape of every event the trigger offers, generated from @zoom/rivet ${rivetVersion()}'s event types by`,
		' * test/contract/writeEventSkeletons.ts (do not edit; test/unit/eventSamples.test.ts checks it is current).',
		" * Each is JSON: 's' string, 'n' number, 'b' boolean, {'=': [literals]} (one of), [element], {field: shape}.",
		' */',
		'export const EVENT_SKELETONS: Record<string, string> = {',
		...lines,
		'};',
		'',
	].join('\n');
}
