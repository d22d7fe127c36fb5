/**
 * The field names the Zoom Connector node builds from its parameters (camelCase → snake_case) are fields
 * of Zoom's request types in @zoom/rivet, read from the installed .d.ts at test time (test/contract/rivetTypes.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import { MEETING } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/meeting/kind';
import { snake } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/shared/snake';
import { createDescription } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/create';
import { deleteDescription } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/delete';
import type { SessionKind } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/kind';
import { updateDescription } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/update';
import { description as addRegistrantDescription } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/registrant/add';
import { WEBINAR } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/webinar/kind';
import { rivetFields } from '../contract/rivetTypes';

/** snake_case names of the options of the collection `name` among `properties`. */
function optionFields(properties: INodeProperties[], name: string): string[] {
	const collection = properties.find((p) => p.name === name);
	if (!collection) throw new Error(`no parameter ${name}`);
	const fields = ((collection.options ?? []) as INodeProperties[]).map((o) => snake(o.name));
	if (!fields.length) throw new Error(`${name} has no options: nothing would be checked`);
	return fields;
}

const notIn = (fields: string[], zoom: Set<string>) => fields.filter((f) => !zoom.has(f));

const TYPES: Record<'meeting' | 'webinar', { kind: SessionKind; create: string; update: string; remove: string }> = {
	meeting: { kind: MEETING, create: 'MeetingsCreateMeetingRequestBody', update: 'MeetingsUpdateMeetingRequestBody', remove: 'MeetingsDeleteMeetingQueryParams' },
	webinar: { kind: WEBINAR, create: 'WebinarsCreateWebinarRequestBody', update: 'WebinarsUpdateWebinarRequestBody', remove: 'WebinarsDeleteWebinarQueryParams' },
};

describe.each(Object.entries(TYPES))('%s request fields are Zoom’s', (_name, t) => {
	it('Create: the additional fields and every setting', () => {
		const create = createDescription(t.kind);
		expect(notIn(optionFields(create, 'additionalFields'), rivetFields('meetings', t.create))).toEqual([]);
		expect(notIn(optionFields(create, 'settings'), rivetFields('meetings', t.create, ['settings']))).toEqual([]);
	});

	it('Update: the update fields (occurrence ID goes to the query) and every setting', () => {
		const update = updateDescription(t.kind);
		const fields = optionFields(update, 'updateFields').filter((f) => f !== 'occurrence_id');
		expect(notIn(fields, rivetFields('meetings', t.update))).toEqual([]);
		expect(notIn(optionFields(update, 'settings'), rivetFields('meetings', t.update, ['settings']))).toEqual([]);
	});

	it('Delete: every option is a query parameter of Zoom’s delete', () => {
		expect(notIn(optionFields(deleteDescription(t.kind), 'options'), rivetFields('meetings', t.remove))).toEqual([]);
	});

	it('the recurrence body the node builds has Zoom’s fields', () => {
		const built = ['type', 'repeat_interval', 'weekly_days', 'monthly_day', 'end_date_time', 'end_times'];
		expect(notIn(built, rivetFields('meetings', t.create, ['recurrence']))).toEqual([]);
	});
});

it('Registrant › Add: the additional fields are fields of Zoom’s add registrant body', () => {
	const zoom = new Set([...rivetFields('meetings', 'MeetingsAddMeetingRegistrantRequestBody'), ...rivetFields('meetings', 'WebinarsAddWebinarRegistrantRequestBody')]);
	// occurrenceIds goes to the query (occurrence_ids), as Zoom's add registrant takes it.
	const fields = optionFields(addRegistrantDescription, 'additionalFields').filter((f) => f !== 'occurrence_ids');
	expect(notIn(fields, zoom)).toEqual([]);
	expect(rivetFields('meetings', 'MeetingsAddMeetingRegistrantQueryParams').has('occurrence_ids')).toBe(true);
});

it('Registrant › Add and Get Many: tracking sources are Zoom’s for webinars only, so the node sends them for webinars only', () => {
	expect(rivetFields('meetings', 'WebinarsAddWebinarRegistrantRequestBody').has('source_id')).toBe(true);
	expect(rivetFields('meetings', 'MeetingsAddMeetingRegistrantRequestBody').has('source_id')).toBe(false);
	expect(rivetFields('meetings', 'WebinarsListWebinarRegistrantsQueryParams').has('tracking_source_id')).toBe(true);
	expect(rivetFields('meetings', 'MeetingsListMeetingRegistrantsQueryParams').has('tracking_source_id')).toBe(false);
	const sourceId = (addRegistrantDescription.find((p) => p.name === 'additionalFields')?.options as INodeProperties[]).find((o) => o.name === 'sourceId');
	expect(sourceId?.displayOptions).toEqual({ show: { '/sessionType': ['webinar'] } });
});

it('reads a field Zoom lacks as absent (the check can fail)', () => {
	expect(rivetFields('meetings', 'MeetingsCreateMeetingRequestBody').has('host_id')).toBe(false);
	expect(rivetFields('meetings', 'WebinarsListWebinarsQueryParams').has('next_page_token')).toBe(false);
});
