/**
 * A webinar's registration tracking sources (GET /webinars/{webinarId}/tracking_sources) and which
 * registrants came through each: Zoom's registrant rows do not name their source, but its registrant list
 * filters by one (tracking_source_id; https://developers.zoom.us/docs/api/meetings/#tag/webinars/GET/webinars/{webinarId}/registrants).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { WebinarsGetWebinarTrackingSourcesResponse } from '@zoom/rivet/meetings';

import { zoomApiRequest, zoomApiRequestAllItems } from '../../../shared/transport';
import type { SessionTarget } from './common';

export type TrackingSource = NonNullable<
	WebinarsGetWebinarTrackingSourcesResponse['tracking_sources']
>[number];

/** The field a registrant row gets: the source's ID and name, or null for a registration without one. */
export interface RegistrantSource {
	id: string;
	/** null when the webinar no longer lists the source. */
	name: string | null;
}

export function requireWebinar(
	context: IExecuteFunctions,
	target: SessionTarget,
	itemIndex: number,
	what: string,
): void {
	if (target.kind.resource !== 'webinar') {
		throw new NodeOperationError(context.getNode(), `${what} exist for webinars only`, {
			itemIndex,
			description: `Set "Session Type" to Webinar (item ${itemIndex}).`,
		});
	}
}

export async function listTrackingSources(
	this: IExecuteFunctions,
	target: SessionTarget,
	itemIndex: number,
): Promise<TrackingSource[]> {
	requireWebinar(this, target, itemIndex, 'Tracking sources');
	const answer = (await zoomApiRequest.call(
		this,
		'GET',
		`/webinars/${target.id}/tracking_sources`,
		{ itemIndex },
	)) as WebinarsGetWebinarTrackingSourcesResponse;
	return answer.tracking_sources ?? [];
}

/** Registrant ID → the source they registered through, for the registrants the query `qs` selects. */
export async function sourcesByRegistrant(
	this: IExecuteFunctions,
	target: SessionTarget,
	qs: IDataObject,
	itemIndex: number,
): Promise<Map<string, RegistrantSource>> {
	const bySource = new Map<string, RegistrantSource>();
	for (const source of await listTrackingSources.call(this, target, itemIndex)) {
		if (!source.id) continue;
		const registrants = await zoomApiRequestAllItems.call(this, target.path, 'registrants', {
			qs: { ...qs, tracking_source_id: source.id },
			itemIndex,
		});
		for (const registrant of registrants) {
			bySource.set(String(registrant.id), { id: source.id, name: source.source_name ?? '' });
		}
	}
	return bySource;
}

/**
 * How Get Many names each row's source: with a Tracking Source ID filter, that source for every row (Zoom's
 * rows do not say, the filter does); with Add Tracking Source, each row's own, or null; else undefined.
 */
export async function registrantSources(
	this: IExecuteFunctions,
	target: SessionTarget,
	qs: IDataObject,
	itemIndex: number,
	wanted: { sourceId: string; add: boolean },
): Promise<((registrant: IDataObject) => RegistrantSource | null) | undefined> {
	if (wanted.sourceId) {
		const sources = await listTrackingSources.call(this, target, itemIndex);
		const known = sources.find((source) => source.id === wanted.sourceId);
		const source = { id: wanted.sourceId, name: known ? (known.source_name ?? '') : null };
		return () => source;
	}
	if (!wanted.add) return undefined;
	const byRegistrant = await sourcesByRegistrant.call(this, target, qs, itemIndex);
	return (registrant) => byRegistrant.get(String(registrant.id)) ?? null;
}
