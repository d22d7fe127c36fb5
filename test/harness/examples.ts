/**
 * The example workflows (examples/*.json) as `npm start` and the tests import them: each node's
 * credential of one of our types, or Brevo's, is pointed at the credential the harness created.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialRef, HarnessState } from './context';
import { REPO_DIR } from './paths';

export const EXAMPLES_DIR = join(REPO_DIR, 'examples');

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<Record<string, any>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

export function readExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
}

/** Credential types the examples use that the harness can supply (Brevo only when its stand-in runs). */
function harnessCredentials(state: HarnessState): Record<string, CredentialRef | undefined> {
	return {
		zoomConnectorOAuth2Api: state.credentials.oauth2,
		zoomConnectorServerToServerOAuthApi: state.credentials.s2s,
		zoomConnectorWebhookApi: state.credentials.webhook,
		sendInBlueApi: state.brevo?.credential,
	};
}

export function usesBrevo(workflow: ExampleWorkflow): boolean {
	return workflow.nodes.some((node) => node.credentials?.sendInBlueApi !== undefined);
}

/**
 * The example with its credentials pointed at the harness's; throws when one is missing. Nodes without
 * credentials (the sticky note each example carries, n8n's own nodes) pass through unchanged.
 */
export function withHarnessCredentials(workflow: ExampleWorkflow, state: HarnessState): ExampleWorkflow {
	const available = harnessCredentials(state);
	const nodes = workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials: Record<string, CredentialRef> = {};
		for (const type of Object.keys(node.credentials)) {
			const ref = available[type];
			if (!ref) throw new Error(`example "${workflow.name}", node "${node.name}": no harness credential of type ${type}`);
			credentials[type] = ref;
		}
		return { ...node, credentials };
	});
	return { ...workflow, nodes };
}

/** The body n8n's public API takes to create the workflow. */
export function createBody(workflow: ExampleWorkflow): Record<string, unknown> {
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? { executionOrder: 'v1' },
	};
}
