/** What the n8n tests share: one sandbox and one n8n (started by globalSetup), and credentials in it. */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import axios, { type AxiosInstance } from 'axios';

import { N8n, type N8nState } from './n8n';
import { REPO_DIR } from './paths';
import type { QueueServicesState } from './queue';

/** One state file per jest run, so runs side by side (CI, a developer, a helper) never share an n8n. */
export const stateFile = (pid: number = process.pid) => join(REPO_DIR, '.n8n-harness', `state-${pid}.json`);

export interface CredentialRef {
	id: string;
	name: string;
}

export interface HarnessState {
	sandboxUrl: string;
	n8n: N8nState;
	credentials: { oauth2: CredentialRef; s2s: CredentialRef; webhook: CredentialRef };
	timings: Record<string, number>;
	/** The Brevo stand-in's control URL and the n8n credential pointing at it, when started. */
	brevo?: { url: string; credential: CredentialRef };
	/** In queue mode: PostgreSQL and Redis, and the webhook processor's base URL (main's is n8n.url). */
	queue?: { services: QueueServicesState; webhookUrl: string; env: Record<string, string> };
}

export interface Harness {
	n8n: N8n;
	sandboxUrl: string;
	/** The sandbox's control API (/_sandbox) and Zoom API, for seeding and reading its request log. */
	sandbox: AxiosInstance;
	credentials: HarnessState['credentials'];
	state: HarnessState;
}

let cached: Harness | undefined;

export function harness(): Harness {
	if (!cached) {
		const state = JSON.parse(readFileSync(process.env.ZOOM_HARNESS_STATE ?? stateFile(), 'utf8')) as HarnessState;
		cached = {
			n8n: new N8n(state.n8n),
			sandboxUrl: state.sandboxUrl,
			// A fresh connection per call: the sandbox closes a socket after 5 s idle (Node's default), and a
			// pooled one reused at that moment fails with ECONNRESET (seen on a slow start of n8n 2.41).
			sandbox: axios.create({ baseURL: state.sandboxUrl, validateStatus: () => true, httpAgent: new Agent({ keepAlive: false }) }),
			credentials: state.credentials,
			state,
		};
	}
	return cached;
}

/** Node credentials block for a Zoom API node using the shared OAuth2 or S2S credential. */
export function zoomCredentials(kind: 'oauth2' | 's2s' = 'oauth2', ref?: CredentialRef): Record<string, CredentialRef> {
	const h = harness();
	return kind === 'oauth2'
		? { zoomConnectorOAuth2Api: ref ?? h.credentials.oauth2 }
		: { zoomConnectorServerToServerOAuthApi: ref ?? h.credentials.s2s };
}

export function authentication(kind: 'oauth2' | 's2s' = 'oauth2'): string {
	return kind === 'oauth2' ? 'zoomConnectorOAuth2Api' : 'zoomConnectorServerToServerOAuthApi';
}
