import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IRun,
} from 'n8n-workflow';
import type { ReportsGetMeetingReportsQueryParams } from '@zoom/rivet/meetings';
import { randomUUID } from 'crypto';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { monthWindows } from '../shared/dateWindows';
import {
	authenticationProperty,
	zoomApiCredentials,
	zoomApiPages,
	zoomApiRequest,
	zoomApiRequestAllItems,
} from '../shared/transport';
import { asNodeError } from '../shared/nodeError';
import { encodeSessionRef } from '../shared/uuid';
import { LIST_USERS, LIST_WEBINARS, zoomListAll } from '../shared/zoomLists';
import {
	advance,
	MAX_ATTEMPTS,
	planPoll,
	runDied,
	selectEnded,
	type EndedSession,
	type PollPlan,
	type SyncState,
} from './sync';

type SessionType = 'meeting' | 'webinar';

const properties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName:
			'Emits every meeting or webinar that ended since the last poll, once. Participant data is complete about 30 minutes after a session ends, so sessions younger than the settle delay wait for the next poll. Poll times follow the workflow’s time zone (Workflow Settings → Timezone; choose UTC for 08:00 UTC).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Sessions',
		name: 'sessionTypes',
		type: 'options',
		options: [
			{ name: 'Meetings', value: 'meeting' },
			{ name: 'Meetings and Webinars', value: 'both' },
			{ name: 'Webinars', value: 'webinar' },
		],
		default: 'meeting',
		description: 'Which ended sessions to emit',
	},
	{
		displayName: 'Hosts',
		name: 'hosts',
		type: 'options',
		options: [
			{
				name: 'All Users of the Account',
				value: 'all',
				description: 'Every active user (needs a Server-to-Server or admin credential)',
			},
			{ name: 'Listed Users', value: 'list', description: 'The user IDs or emails you list' },
			{ name: 'Me', value: 'me', description: 'The user who connected the credential' },
		],
		default: 'me',
		description: 'Whose sessions to look at',
	},
	{
		displayName: 'Users',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'jane@example.com, KDcuGIm1QgePTO8WbOqwIQ',
		description: 'Zoom user IDs or emails, separated by commas',
		displayOptions: { show: { hosts: ['list'] } },
	},
	{
		displayName: 'Include Participants',
		name: 'includeParticipants',
		type: 'boolean',
		default: false,
		description: 'Whether to fetch each session’s participants (all pages)',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Participant', value: 'participant' },
			{ name: 'One Item per Session', value: 'session' },
		],
		default: 'session',
		description:
			'Whether participants come as a list inside each session item or as items of their own',
		displayOptions: { show: { includeParticipants: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look-Back (Days)',
				name: 'lookBackDays',
				type: 'number',
				typeOptions: { minValue: 0.01, maxValue: 180 },
				default: 2,
				description: 'How far back the first poll (and a manual run) looks for ended sessions',
			},
			{
				displayName: 'Settle Delay (Minutes)',
				name: 'settleMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description:
					'Sessions that ended less than this ago wait for the next poll, until Zoom’s data is complete',
			},
		],
	},
];

// n8n prepends its "Poll Times" parameter (default: every minute) to every polling node when it loads
// the node; keep n8n's parameter but make the default what this trigger is for: daily at 08:00.
// Why a patched unshift: n8n-core's loader adds the parameter with `properties.unshift(...)` for any node
// with `polling: true`, and neither INodeTypeDescription nor the loader offers a way to set its default
// (a pollTimes of our own would be shown twice).
Object.defineProperty(properties, 'unshift', {
	value(this: INodeProperties[], ...added: INodeProperties[]) {
		const adjusted = added.map((property) =>
			property.name === 'pollTimes'
				? { ...property, default: { item: [{ mode: 'everyDay', hour: 8, minute: 0 }] } }
				: property,
		);
		return Array.prototype.unshift.apply(this, adjusted);
	},
});

export class ZoomDailySyncTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Daily Sync Trigger',
		name: 'zoomDailySyncTrigger',
		icon: { light: 'file:zoomDailySyncTrigger.svg', dark: 'file:zoomDailySyncTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Ended " + $parameter["sessionTypes"] + " sessions"}}',
		description:
			'Emits every Zoom meeting or webinar that ended since the last poll, once, even when a webhook missed it',
		defaults: { name: 'Zoom Daily Sync Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: zoomApiCredentials,
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const manual = this.getMode() === 'manual';
		const options = this.getNodeParameter('options', {}) as {
			lookBackDays?: number;
			settleMinutes?: number;
		};
		const staticData = this.getWorkflowStaticData('node') as SyncState & IDataObject;
		const plan = planPoll(
			{ cursor: typeof staticData.cursor === 'number' ? staticData.cursor : undefined },
			Date.now(),
			{
				lookBackMs: (options.lookBackDays ?? 2) * 86_400_000,
				settleMs: (options.settleMinutes ?? 30) * 60_000,
			},
			manual,
		);

		const sessionTypes = this.getNodeParameter('sessionTypes', 'meeting') as SessionType | 'both';
		const kinds: SessionType[] = sessionTypes === 'both' ? ['meeting', 'webinar'] : [sessionTypes];
		const hosts = await hostsToPoll.call(this);

		// Everything is fetched before anything is emitted or the cursor moves: a failure anywhere
		// leaves the cursor where it was, so the next poll covers the same window again.
		// Each session carries an id for this emission: Skip Sessions Already Processed lets a run that
		// gets the same emission again (emitUntilRunSurvives) fetch what the dead run had claimed.
		const sessions: Array<IDataObject & { sessionType: SessionType }> = [];
		for (const kind of kinds) {
			for (const host of hosts) {
				const ended =
					kind === 'meeting'
						? await endedMeetings.call(this, host, plan)
						: await endedWebinars.call(this, host.userId, plan);
				for (const session of selectEnded(ended, plan))
					sessions.push({ ...session, sessionType: kind, emissionId: randomUUID() });
			}
		}

		const includeParticipants = this.getNodeParameter('includeParticipants', false) as boolean;
		const perParticipant =
			includeParticipants && this.getNodeParameter('output', 'session') === 'participant';
		const items: INodeExecutionData[] = [];
		for (const session of sessions) {
			const item = sessionItem(session);
			if (!includeParticipants) {
				items.push({ json: item });
				continue;
			}
			const participants = await zoomApiRequestAllItems.call(
				this,
				`/past_${session.sessionType}s/${encodeSessionRef(String(session.uuid))}/participants`,
				'participants',
			);
			if (perParticipant) {
				for (const participant of participants)
					items.push({ json: participantItem(item, participant) });
			} else {
				items.push({ json: { ...item, participants } });
			}
		}

		const next = advance({ cursor: staticData.cursor as number | undefined }, plan, manual);
		if (next.cursor !== undefined) staticData.cursor = next.cursor;
		if (manual || !items.length) return items.length ? [items] : null;
		emitUntilRunSurvives(this, items, 1);
		return null;
	}
}

/**
 * Starts a run with the items and watches how it ends: if it died (crashed, or its queue-mode worker
 * was lost) it starts another with the same items, up to MAX_ATTEMPTS runs in all.
 */
function emitUntilRunSurvives(
	context: IPollFunctions,
	items: INodeExecutionData[],
	attempt: number,
): void {
	const done = context.helpers.createDeferredPromise<IRun | undefined>();
	void done.promise.then(
		(run) => {
			const error = run?.data?.resultData?.error;
			if (!runDied({ status: run?.status, errorName: error?.name, errorMessage: error?.message }))
				return;
			if (attempt >= MAX_ATTEMPTS) {
				context.logger.warn(
					`Zoom Daily Sync Trigger: the run of ${items.length} item(s) died ${attempt} times; not started again`,
				);
				return;
			}
			context.logger.warn(
				`Zoom Daily Sync Trigger: the run of ${items.length} item(s) died (${run?.status}); starting it again`,
			);
			emitUntilRunSurvives(context, items, attempt + 1);
		},
		() => undefined,
	);
	// Why __emit and not `return [items]`: n8n emits a poll's returned items without a done promise;
	// IPollFunctions.__emit (typed in n8n-workflow) is the only way to pass one and learn how the run ended.
	context.__emit([items], undefined, done);
}

/** A user to poll, as the node names it (an ID, an email or "me"), and the user's Zoom ID once known. */
interface Host {
	userId: string;
	hostId?: string;
}

/** Zoom's user IDs have no "@" and are never "me"; emails and "me" are read from Zoom to learn the ID. */
const isUserId = (value: string) => value !== 'me' && !value.includes('@');

async function hostsToPoll(this: IPollFunctions): Promise<Host[]> {
	const hosts = this.getNodeParameter('hosts', 'me') as 'me' | 'list' | 'all';
	if (hosts === 'me') return [{ userId: 'me' }];
	if (hosts === 'list') {
		const listed = String(this.getNodeParameter('userIds', ''))
			.split(',')
			.map((user) => user.trim())
			.filter(Boolean);
		if (!listed.length) {
			throw new NodeOperationError(this.getNode(), 'The field "Users" is empty', {
				description:
					'List Zoom user IDs or emails separated by commas, or choose another Hosts option.',
			});
		}
		return [...new Set(listed)].map((userId) => ({
			userId,
			hostId: isUserId(userId) ? userId : undefined,
		}));
	}
	const users = await zoomListAll.call(this, '/users', 'users', LIST_USERS, {
		qs: { status: 'active' },
	});
	return users.map((user) => ({ userId: String(user.id), hostId: String(user.id) }));
}

/** The host's Zoom user ID: known from the node's settings or the users list, else read once (GET /users/{userId}). */
async function hostIdOf(this: IPollFunctions, host: Host): Promise<string> {
	if (host.hostId === undefined) {
		const user = await zoomApiRequest.call(
			this,
			'GET',
			`/users/${encodeURIComponent(host.userId)}`,
		);
		host.hostId = String(user.id);
	}
	return host.hostId;
}

/**
 * Ended meeting instances a user hosted, from Zoom's report list: one list per user and month
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/users/{userId}/meetings). Its rows
 * have no host_id: the host is the user whose report it is.
 */
async function endedMeetings(
	this: IPollFunctions,
	host: Host,
	plan: PollPlan,
): Promise<EndedSession[]> {
	const sessions: EndedSession[] = [];
	for (const window of monthWindows(plan.fromDate, plan.toDate)) {
		const query: ReportsGetMeetingReportsQueryParams = {
			from: window.from,
			to: window.to,
			type: 'past',
		};
		for await (const page of zoomApiPages.call(
			this,
			`/report/users/${encodeURIComponent(host.userId)}/meetings`,
			'meetings',
			{ qs: query },
		)) {
			sessions.push(...(page as EndedSession[]));
		}
	}
	if (!selectEnded(sessions, plan).length) return sessions;
	const hostId = await hostIdOf.call(this, host);
	return sessions.map((session) => ({ ...session, host_id: hostId }));
}

/**
 * Ended webinar instances of a user. Zoom has no report listing them, so: the user's webinars (paged by
 * page_number), each one's past instances, and the report (end time) of the instances that started inside
 * the window (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/webinars/{webinarId}).
 * The report has no host_id; the webinar list has.
 */
async function endedWebinars(
	this: IPollFunctions,
	userId: string,
	plan: PollPlan,
): Promise<EndedSession[]> {
	const webinars = await zoomListAll.call(
		this,
		`/users/${encodeURIComponent(userId)}/webinars`,
		'webinars',
		LIST_WEBINARS,
	);
	const windowStart = Date.parse(`${plan.fromDate}T00:00:00Z`);
	const sessions: EndedSession[] = [];
	for (const webinar of webinars) {
		let instances: IDataObject[];
		try {
			const answer = await zoomApiRequest.call(
				this,
				'GET',
				`/past_webinars/${webinar.id}/instances`,
			);
			instances = (answer.webinars as IDataObject[] | undefined) ?? [];
		} catch (error) {
			// A webinar that was never held has no past instances; Zoom answers 3001 for it.
			if (error instanceof NodeApiError && error.context.zoomCode === 3001) continue;
			throw asNodeError(this.getNode(), error);
		}
		for (const instance of instances) {
			if (Date.parse(String(instance.start_time)) < windowStart) continue;
			const details = await zoomApiRequest.call(
				this,
				'GET',
				`/report/webinars/${encodeSessionRef(String(instance.uuid))}`,
			);
			sessions.push({
				...details,
				uuid: String(details.uuid ?? instance.uuid),
				host_id: webinar.host_id,
			} as EndedSession);
		}
	}
	return sessions;
}

function sessionItem(session: IDataObject & { sessionType: SessionType }): IDataObject {
	return {
		sessionType: session.sessionType,
		id: session.id,
		uuid: session.uuid,
		topic: session.topic,
		type: session.type,
		startTime: session.start_time,
		endTime: session.end_time,
		duration: session.duration,
		participantsCount: session.participants_count,
		hostId: session.host_id,
		hostEmail: session.user_email,
		hostName: session.user_name,
		// The same when a run that died is given this session again (see emitUntilRunSurvives).
		emissionId: session.emissionId,
	};
}

/** A participant row with its session's fields, named as the Zoom Attendance Match node reads them. */
function participantItem(session: IDataObject, participant: IDataObject): IDataObject {
	return {
		...participant,
		sessionType: session.sessionType,
		sessionId: session.id,
		sessionUuid: session.uuid,
		sessionTopic: session.topic,
		sessionStartTime: session.startTime,
		sessionEndTime: session.endTime,
	};
}
