/**
 * The trigger's webhook credential as a request meets it: its secret token read through the
 * per-process cache (secret.ts says when the cache is trusted), and what a delivery gets when the
 * credential cannot be read.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	CredentialProblemGate,
	credentialProblemItem,
	SecretSource,
	screenWithSecret,
	type Screened,
} from './secret';

/**
 * Secret tokens by credential, per n8n process (see secret.ts for when the cache is trusted). Reading a
 * credential costs a database read and a decryption (5–150 ms measured under load).
 */
export const secrets = new SecretSource();
const credentialProblems = new CredentialProblemGate();

function credentialKey(context: IWebhookFunctions): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().credentials?.zoomConnectorWebhookApi?.id ?? ''}`;
}

async function loadSecret(context: IWebhookFunctions): Promise<string> {
	const credentials = await context.getCredentials<{ secretToken?: string }>(
		'zoomConnectorWebhookApi',
	);
	return credentials.secretToken ?? '';
}

/**
 * The credential is missing or deleted, so no signature can be checked. Answered 200, not 500: Zoom would
 * retry into the same failure (and count the endpoint as failing), while the cause is the user's to fix.
 * The user sees it as one failing execution every 10 minutes (error workflows fire) and in n8n's log.
 */
export function credentialUnreadable(
	context: IWebhookFunctions,
	nodeKey: string,
	error: unknown,
): IWebhookResponseData {
	const cause = String((error as Error)?.message ?? error);
	context.logger.error(
		`Zoom Connector Trigger cannot read its webhook credential, so deliveries are dropped: ${cause}`,
	);
	if (credentialProblems.shouldReport(nodeKey)) {
		return { workflowData: [context.helpers.returnJsonArray(credentialProblemItem(error))] };
	}
	return {
		webhookResponse: {
			received: true,
			emitted: false,
			reason: 'The trigger’s webhook credential cannot be read',
		},
	};
}

/** `check` with this node's secret token: the cached one where secret.ts trusts it, else a fresh read. */
export async function screenWithWebhookSecret<D extends Screened>(
	context: IWebhookFunctions,
	check: (secret: string) => D,
	arrivedAt: number,
): Promise<D> {
	return await screenWithSecret(
		secrets,
		credentialKey(context),
		async () => await loadSecret(context),
		check,
		arrivedAt,
	);
}
