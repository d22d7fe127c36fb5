/**
 * Event subscriptions this node created in the Zoom app but does not hold: created, then the subscribing
 * step (or the deletion that should have followed its failure) failed. Each is recorded the moment Zoom
 * names it, before the next step, so the next activation or deactivation deletes it.
 *
 * Kept twice, because n8n saves a workflow's static data only when an activation succeeds: in this
 * process's memory, by webhook URL, for the deactivation n8n runs right after a failed activation and
 * for the next activation; and in the node's static data, which that deactivation's save (and any later
 * successful activation) writes to the database, so a restarted n8n finds them too.
 */
import type { IHookFunctions } from 'n8n-workflow';

const unsaved = new Map<string, Set<string>>();

/** The orphans known for this webhook URL, from memory and from the node's static data. */
export function knownOrphans(context: IHookFunctions, url: string): string[] {
	const data = context.getWorkflowStaticData('node');
	const stored = Array.isArray(data.orphanedSubscriptions)
		? (data.orphanedSubscriptions as unknown[]).filter(
				(id): id is string => typeof id === 'string' && id !== '',
			)
		: [];
	return [...new Set([...stored, ...(unsaved.get(url) ?? [])])];
}

/** Remember `id` as created and not (or no longer) held, until it is deleted. */
export function recordOrphan(context: IHookFunctions, url: string, id: string): void {
	const ids = unsaved.get(url) ?? new Set<string>();
	ids.add(id);
	unsaved.set(url, ids);
	// Reassigned, not pushed: n8n notices (and saves) changes to the node's own properties only.
	const data = context.getWorkflowStaticData('node');
	const list = Array.isArray(data.orphanedSubscriptions)
		? (data.orphanedSubscriptions as string[])
		: [];
	if (!list.includes(id)) data.orphanedSubscriptions = [...list, id];
}

/** `id` is held by this node now, or deleted in Zoom: no longer an orphan. */
export function forgetOrphan(context: IHookFunctions, url: string, id: string): void {
	const ids = unsaved.get(url);
	ids?.delete(id);
	if (ids && !ids.size) unsaved.delete(url);
	const data = context.getWorkflowStaticData('node');
	if (!Array.isArray(data.orphanedSubscriptions)) return;
	const rest = (data.orphanedSubscriptions as unknown[]).filter((other) => other !== id);
	if (rest.length) data.orphanedSubscriptions = rest;
	else delete data.orphanedSubscriptions;
}
