/**
 * Which inputs the node draws, and the pairing of its items with them. The match and items.ts number the
 * lists logically (0 participants, 1 registrations, 2 engagement); n8n numbers the inputs it drew. With
 * Participants: Fetch From Zoom the Participants input is not drawn, so Registrations is input 0; with
 * Registrations fetched too, a Start input takes their place (n8n runs a node only when an item reaches
 * it). Rows read from Zoom have no input item: an item made only of them pairs with item 0 of input 0, the
 * item whose arrival ran the node. Pure, no n8n imports.
 */
import type { PairedItem } from './items';

/** n8n's expression for `inputs`, evaluated over the node's parameters (as n8n's Merge node does). */
export const INPUTS_EXPRESSION =
	'={{ ($parameter.participantsSource === "zoom" ? ($parameter.registrationsSource === "zoom" ? [{ type: "main", displayName: "Start" }] : [{ type: "main", displayName: "Registrations" }]) : [{ type: "main", displayName: "Participants" }, { type: "main", displayName: "Registrations" }]).concat($parameter.includeEngagement === true ? [{ type: "main", displayName: "Engagement" }] : []) }}';

/** n8n's input index of each logical list; null where the list does not come from an input. */
export interface InputLayout {
	participants: number | null;
	registrations: number | null;
	engagement: number;
	/** How many inputs come before Engagement (Start, when both lists are read from Zoom). */
	drawn: number;
}

export function inputLayout(
	participantsFromInput: boolean,
	registrationsFromInput = true,
): InputLayout {
	if (participantsFromInput) return { participants: 0, registrations: 1, engagement: 2, drawn: 2 };
	if (registrationsFromInput)
		return { participants: null, registrations: 0, engagement: 1, drawn: 1 };
	return { participants: null, registrations: null, engagement: 1, drawn: 1 };
}

/** The item that ran the node, for items with nothing of their own to pair with. */
const RUNNING_ITEM: PairedItem = { item: 0, input: 0 };

/** One pairing entry in n8n's numbering; null for a row read from Zoom. */
export function pairInLayout(layout: InputLayout, paired: PairedItem): PairedItem | null {
	const input =
		paired.input === 0
			? layout.participants
			: paired.input === 1
				? layout.registrations
				: layout.engagement;
	if (input === null) return null;
	return input === paired.input ? paired : { item: paired.item, input };
}

/** Rewrites every item's pairing into n8n's numbering, in place; nothing to do when every list is an input. */
export function pairItemsInLayout(
	layout: InputLayout,
	outputs: Array<Array<{ pairedItem: PairedItem | PairedItem[] }>>,
): void {
	if (layout.participants === 0) return;
	for (const output of outputs) {
		for (const item of output) {
			const pairs: PairedItem[] = [];
			const given = Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem];
			for (const paired of given) {
				const mapped = pairInLayout(layout, paired);
				if (mapped) pairs.push(mapped);
			}
			item.pairedItem = pairs.length ? pairs : [RUNNING_ITEM];
		}
	}
}
