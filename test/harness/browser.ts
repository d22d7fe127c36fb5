/**
 * A real browser for the UI tests: Debian's Chromium (installed once by install-browser.sh) driven by
 * playwright-core. Playwright never downloads a browser of its own here; each launch gets a fresh,
 * empty profile (Playwright's own temporary user data dir).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, selectors, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { ARTIFACTS_DIR } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'browser');

/** Installs Debian's chromium when it is missing; throws with the script's reason when it cannot. */
export function ensureChromiumInstalled(): { seconds: number; cached: boolean } {
	const cached = existsSync(CHROMIUM);
	const started = Date.now();
	if (!cached) {
		const result = spawnSync('bash', [join(__dirname, 'install-browser.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'inherit', 'pipe'],
			env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
			timeout: 15 * 60_000,
		});
		if (result.status !== 0 || !existsSync(CHROMIUM)) {
			throw new Error(
				`Chromium is needed for the browser test and could not be installed (install-browser.sh exit ${result.status ?? result.signal}):\n${(result.stderr ?? '').trim()}`,
			);
		}
	}
	return { seconds: (Date.now() - started) / 1000, cached };
}

export interface BrowserSession {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** Saves a screenshot of the window (or the whole page) as test-artifacts/browser/<name>.png. */
	shot(name: string, page?: Page, options?: { fullPage?: boolean }): Promise<string>;
	close(): Promise<void>;
}

export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<BrowserSession> {
	// n8n marks its UI with data-test-id (not Playwright's default data-testid): page.getByTestId(...) finds them.
	selectors.setTestIdAttribute('data-test-id');
	mkdirSync(SCREENSHOTS_DIR, { recursive: true });
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		timeout: 60_000,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
		locale: 'en-US',
	});
	context.setDefaultTimeout(30_000);
	context.setDefaultNavigationTimeout(60_000);
	const page = await context.newPage();
	return {
		browser,
		context,
		page,
		async shot(name: string, target: Page = page, shotOptions: { fullPage?: boolean } = {}) {
			const path = join(SCREENSHOTS_DIR, `${name}.png`);
			// Finite CSS animations (fade-ins, toasts sliding in) are finished first, so the picture shows the end state.
			await target.screenshot({ path, timeout: 20_000, fullPage: shotOptions.fullPage ?? false, animations: 'disabled' });
			return path;
		},
		async close() {
			await browser.close().catch(() => undefined);
		},
	};
}
