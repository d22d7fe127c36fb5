import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IRun,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	authenticationProperty,
	zoomApiCredentials,
	zoomApiRequestAllItems,
} from '../shared/transport';
import { encodeSessionRef } from '../shared/uuid';
import { advance, MAX_ATTEMPTS, planPoll, runDied, selectEnded, type SyncState } from './sync';
import {
	endedMeetings,
	endedWebinars,
	hostsToPoll,
	participantItem,
	sessionItem,
	type SessionType,
} from './endedSessions';
import { sessionSummary } from './sessionSummary';

const properties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName:
			'Emits every meeting or webinar that ended since the last poll, once. Participant data is complete about 30 minutes after a session ends, so sessions younger than the settle delay wait for the next poll. Meetings come from Zoom’s meetings report, which lists only meetings with two or more unique participants, held in the past six months (a meeting held alone never comes); webinars have no such limit. Poll times follow the workflow’s time zone (Workflow Settings → Timezone; choose UTC for 08:00 UTC).',
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
		displayName: 'Include Meeting Summary',
		name: 'includeSummary',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch each session’s AI Companion meeting summary into a summary field (null, with summaryMissingReason, for a session without one)',
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
		const includeSummary = this.getNodeParameter('includeSummary', false) as boolean;
		const perParticipant =
			includeParticipants && this.getNodeParameter('output', 'session') === 'participant';
		const items: INodeExecutionData[] = [];
		for (const session of sessions) {
			const item = sessionItem(session);
			if (includeSummary)
				Object.assign(item, await sessionSummary.call(this, String(session.uuid)));
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
