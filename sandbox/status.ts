// Ending a live meeting or webinar: PUT /meetings/{meetingId}/status and PUT /webinars/{webinarId}/status
// with {action: "end"} (Rivet: updateMeetingStatus, updateWebinarStatus). The run becomes a past
// instance, as when the host ends it.
import type { MeetingsUpdateMeetingStatusRequestBody, WebinarsUpdateWebinarStatusRequestBody } from '@zoom/rivet/meetings';

import { endSession } from './control';
import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, json, validationError } from './http';
import { noun, sessionParam } from './meetings';
import type { Kind } from './store';

function updateStatus(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const { action } = ctx.body as MeetingsUpdateMeetingStatusRequestBody | WebinarsUpdateWebinarStatusRequestBody;
	// Meetings also take "recover" (of a deleted meeting), which this sandbox does not model.
	if (action !== 'end') throw validationError('action', `Invalid value: ${String(action)}.`);
	if (s.status !== 'started') throw new ZoomError(400, 3000, `${noun(kind)} ${s.id} is not in progress.`);
	endSession(ctx.sb, s);
	return json(204);
}

export const statusRoutes: Route[] = [
	route('PUT', '/meetings/:id/status', 'Light', 'meeting:update:status', 'meeting:write', (ctx) => updateStatus(ctx, 'meeting')),
	route('PUT', '/webinars/:id/status', 'Light', 'webinar:update:status', 'webinar:write', (ctx) => updateStatus(ctx, 'webinar')),
];
