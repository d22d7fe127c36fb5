import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	claimedLimits,
	deliveryKeys,
	emptySeen,
	eventTimeProblem,
	hasSeen,
	itemDeliveryKeys,
	KeyMemory,
	LEDGER_MAX_ENTRIES,
	ledgerKeys,
	remember,
	type SeenLimits,
	type SeenRecord,
} from './deliveries';
import { isSelected, itemHeaders, summarise } from './item';
import {
	DEFAULT_TOLERANCE_SECONDS,
	headerValue,
	MAX_BODY_BYTES,
	screen,
	secretTokenProblem,
	type Headers,
} from './signature';
import { claim, hasDeduplicationStore, ownerToken } from '../shared/ledger';
import { readBodyWithin, type BodyResult } from './body';
import { throwIfCredentialProblem } from './secret';
import { credentialUnreadable, screenWithWebhookSecret, secrets } from './webhookCredential';
import { triggerProperties } from './description';
import { triggerWebhook } from './webhookDescription';
import { armSample, disarmSample, sampleItems } from './testSamples';
import {
	createSubscription,
	deleteSubscription,
	isAutomatic,
	subscriptionExists,
} from './registration';
import { ZOOM_ACCOUNT_APP, ZOOM_USER_APP } from '../shared/transport';
import { holdSubscription } from './websocket/socketTrigger';
import { isSocketTestRun, nextTestEvent } from './websocket/testEvent';

/** The parts of n8n's request (express + n8n's raw-body reader) this node uses. */
interface RawRequest {
	headers: Headers;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

interface PlainResponse {
	status(code: number): PlainResponse;
	json(body: unknown): unknown;
}

/** Deliveries this process started a run for, per trigger node: a fast first check (see webhook()). */
const recentDeliveries = new Map<string, SeenRecord>();
/**
 * Shorter than Zoom's first retry (5 min): had n8n failed to start the run and answered 500, Zoom's
 * retry must not be taken for a copy here; the run's own check then decides.
 */
const AT_THE_DOOR: SeenLimits = { maxEntries: 2000, maxAgeSeconds: 120 };

/**
 * Deliveries whose run in this process won the claim, per trigger node, kept as long as the ledger
 * keeps them (deliveries.ts, MEMORY_SECONDS): a copy of them (Zoom's retries come 5, 25 and 85 min
 * after the first try) is answered at the door without a run. Copies that reach another process are
 * settled by the run's claim (execute()).
 */
const claimedDeliveries = new Map<string, KeyMemory>();

function claimedOf(recordKey: string): KeyMemory {
	const found = claimedDeliveries.get(recordKey);
	if (found) return found;
	const made = new KeyMemory(claimedLimits());
	claimedDeliveries.set(recordKey, made);
	return made;
}

function nodeKey(context: IWebhookFunctions | IExecuteFunctions): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

/**
 * Deliveries claimed across processes (shared/ledger): two entries each (content, owner), kept for
 * the accepted event window at the trigger's capacity (deliveries.ts, LEDGER_MAX_ENTRIES).
 */
const DELIVERY_LEDGER = { maxEntries: LEDGER_MAX_ENTRIES, option: 'Zoom Connector Trigger' };
const WITHOUT_STORE =
	'This n8n has no deduplication store (n8n 1.123 or newer has it), so a Zoom delivery that reaches another n8n process, or comes again after a restart, can be emitted twice. Update n8n to emit each delivery once.';

const SAMPLE_HINT =
	'Sample items (_sample: true), shaped as Zoom’s SDK types each event: nothing came from Zoom while listening. Pin them to build the next nodes.';

/** Answers a refused request itself, so n8n starts no execution for it. */
function refuse(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const res = context.getResponseObject() as unknown as PlainResponse;
	res.status(status).json({ status, error: reason });
	return { noWebhookResponse: true };
}

export class ZoomConnectorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Connector Trigger',
		name: 'zoomConnectorTrigger',
		icon: { light: 'file:zoomConnectorTrigger.svg', dark: 'file:zoomConnectorTrigger.dark.svg' },
		group: ['trigger'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Zoom sends a verified event (meetings, webinars, recordings, users)',
		defaults: { name: 'Zoom Connector Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zoomConnectorWebhookApi',
				required: true,
				testedBy: 'zoomWebhookSecretTest',
				// hide, not show: n8n's editor takes every parameter a credential is shown by as an
				// authentication field and leaves it out of the node's panel (Delivery must stay there).
				displayOptions: { hide: { delivery: ['websocket'] } },
			},
			// An API credential for Registration: Automatic or for WebSocket delivery, by Authentication
			// (shown only where one is needed; the editor offers it with the credential). One entry per
			// type: n8n checks the first of a name.
			{
				name: 'zoomConnectorServerToServerOAuthApi',
				required: true,
				displayOptions: { show: { authentication: [ZOOM_ACCOUNT_APP] } },
			},
			{
				name: 'zoomConnectorOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: [ZOOM_USER_APP] } },
			},
		],
		webhooks: [triggerWebhook],
		eventTriggerDescription:
			'Waiting for Zoom to send an event (nothing coming? Options → Sample After gives sample items)',
		activationMessage:
			'Zoom can now deliver events to the production URL (with Registration: Manual, validate it in your Zoom app).',
		properties: triggerProperties,
	};

	methods = {
		credentialTest: {
			async zoomWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
			): Promise<INodeCredentialTestResult> {
				// The secret token is only ever used to check Zoom's signatures, so there is nothing to
				// call: check it looks like one.
				const problem = secretTokenProblem(credential.data?.secretToken);
				if (problem) return { status: 'Error', message: problem };
				return {
					status: 'OK',
					message:
						'The secret token has the shape of a Zoom secret token. Validate the URL in Zoom to prove it matches.',
				};
			},
		},
	};

	// Registration: Automatic creates and deletes the event subscription through Zoom's Marketplace API
	// (registration.ts); with Manual the user registers the URL in the Zoom app, so there is nothing to do.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// n8n calls this first whenever it starts listening, in either registration mode.
				armSample(this);
				return isAutomatic(this) ? await subscriptionExists(this) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return isAutomatic(this) ? await createSubscription(this) : true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				disarmSample(this);
				return isAutomatic(this) ? await deleteSubscription(this) : true;
			},
		},
	};

	/** WebSocket delivery holds the connection here; with webhook delivery there is nothing to hold. */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		if (this.getNodeParameter('delivery', 'webhook') !== 'websocket') return {};
		return await holdSubscription(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const arrivedAt = secrets.arrival();
		const req = this.getRequestObject() as unknown as RawRequest;
		const headers = req.headers;
		const samples = sampleItems(this, headers);
		if (samples) return { workflowData: [this.helpers.returnJsonArray(samples)] };

		// Refuse a declared oversize body before reading it.
		const declaredLength = Number(headerValue(headers, 'content-length') ?? 0);
		if (declaredLength > MAX_BODY_BYTES) {
			return refuse(this, 413, `Body is larger than ${MAX_BODY_BYTES} bytes`);
		}
		let read: BodyResult;
		try {
			read = await readBodyWithin(req, MAX_BODY_BYTES);
		} catch (error) {
			return refuse(this, 400, `Could not read the request body: ${(error as Error).message}`);
		}
		if (!read.ok) {
			// The rest of the body is left unread: close the connection after the answer rather than drain it.
			if (read.stoppedEarly)
				(
					this.getResponseObject() as unknown as {
						setHeader?: (name: string, value: string) => void;
					}
				).setHeader?.('connection', 'close');
			return refuse(this, read.status, read.reason);
		}
		const rawBody = read.body;

		const settings = this.getNodeParameter('settings', {}) as {
			includeHeaders?: boolean;
			toleranceSeconds?: number;
		};
		const nowSeconds = Math.floor(Date.now() / 1000);
		const check = (secret: string) =>
			screen({
				secret,
				headers,
				rawBody,
				nowSeconds,
				toleranceSeconds: settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
			});
		let decision: ReturnType<typeof check>;
		try {
			decision = await screenWithWebhookSecret(this, check, arrivedAt);
		} catch (error) {
			return credentialUnreadable(this, nodeKey(this), error);
		}
		if (!decision.ok) {
			this.logger.warn(
				`Zoom Connector Trigger refused a request (${decision.status}): ${decision.reason}`,
			);
			return refuse(this, decision.status, decision.reason);
		}
		if (decision.kind === 'validation') {
			return { webhookResponse: decision.answer };
		}

		const body = decision.body;
		const events = this.getNodeParameter('events', []) as string[];
		if (!isSelected(events, body.event)) {
			return {
				webhookResponse: {
					received: true,
					emitted: false,
					reason: 'Event not selected in the node',
				},
			};
		}

		// An event older than the once-only memory reaches back could be a copy it has forgotten.
		const tooOld = eventTimeProblem(body.event_ts, nowSeconds);
		if (tooOld) {
			this.logger.warn(`Zoom Connector Trigger refused a request (401): ${tooOld}`);
			return refuse(this, 401, tooOld);
		}

		// Copies this process started a run for moments ago are answered here; copies that reached
		// other processes, or came later, are settled by the run itself (execute()).
		const recordKey = nodeKey(this);
		const seen = recentDeliveries.get(recordKey) ?? emptySeen();
		const keys = deliveryKeys(headers, body);
		if (
			hasSeen(seen, keys, nowSeconds, AT_THE_DOOR) ||
			claimedOf(recordKey).has(keys, nowSeconds)
		) {
			return {
				webhookResponse: { received: true, emitted: false, reason: 'Delivery already received' },
			};
		}
		recentDeliveries.set(recordKey, remember(seen, keys, nowSeconds, AT_THE_DOOR));
		disarmSample(this);

		const item: IDataObject = summarise(
			body,
			headerValue(headers, 'x-zm-trackingid'),
		) as IDataObject;
		// This request's own id, for execute() to tell n8n retrying this run from a redelivery.
		item.receiptId = randomUUID();
		if (settings.includeHeaders) item.headers = itemHeaders(headers) as IDataObject;
		// n8n answers "Immediately" only once WorkflowRunner.run has created the execution (≈ 20–50 ms),
		// and answers 500 if that fails, so Zoom retries. Writing the 200 here through
		// getResponseObject() with noWebhookResponse would save that time but not the larger cost n8n
		// pays before calling webhook() (an expression isolate, see the README's benchmark notes), and a
		// run that then failed to start would be lost after Zoom was told 200: so n8n answers.
		return { workflowData: [this.helpers.returnJsonArray(item)] };
	}

	/**
	 * Runs as the first step of the execution a delivery started, and decides for all n8n processes
	 * at once whether this delivery is the first of its event: copies that reached other processes
	 * at the same moment (queue mode: main and webhook processors), or arrived after a restart, end
	 * here with no output. The record is kept in n8n's database (shared/ledger), not in static data:
	 * n8n saves a workflow's static data whole, so a write here would undo the cursor the Zoom Daily
	 * Sync Trigger saved in the same workflow meanwhile.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		// Sample items (testSamples.ts) are no delivery: nothing to claim.
		if (items.length && items.every((item) => item.json._sample === true)) {
			this.addExecutionHints({ message: SAMPLE_HINT, type: 'info', location: 'outputPane' });
			return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
		}
		// A delivery that met a missing or deleted credential fails the run with the cause, before any claim.
		items.forEach((item, index) => throwIfCredentialProblem(this, item.json, index));
		if (isSocketTestRun(this, items)) return [await nextTestEvent(this)];
		// On an n8n without the deduplication store the delivery is emitted rather than lost: copies
		// were still recognised at the door of this process, and the run says what is not checked.
		if (!hasDeduplicationStore(this)) {
			this.logger.warn(`Zoom Connector Trigger: ${WITHOUT_STORE}`);
			this.addExecutionHints({ message: WITHOUT_STORE, type: 'warning', location: 'outputPane' });
			return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
		}
		// A delivery is known by its content (a copy carries the same signed body): a copy loses.
		const keysOf = items.map((item) => ledgerKeys(itemDeliveryKeys(item.json)));
		const won = await Promise.all(
			items.map(async (item, index) => {
				if (!keysOf[index].length) return true;
				// The HTTP request's own id: n8n retrying this run keeps it, a redelivery has another.
				const owner =
					typeof item.json.receiptId === 'string'
						? item.json.receiptId
						: ownerToken(index, item.json);
				return await claim(this, keysOf[index], owner, { ...DELIVERY_LEDGER, itemIndex: index });
			}),
		);
		const claimed = claimedOf(nodeKey(this));
		const nowSeconds = Math.floor(Date.now() / 1000);
		const emitted: INodeExecutionData[] = [];
		items.forEach((item, index) => {
			if (!won[index]) return;
			claimed.add(itemDeliveryKeys(item.json), nowSeconds);
			emitted.push({ ...item, pairedItem: { item: index } });
		});
		return [emitted];
	}
}
