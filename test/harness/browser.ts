/**
 * A real browser for the UI tests: Debian's Chromium (installed once by install-browser.sh) driven by
 * playwright-core. Playwright never downloads a browser of its own here; each launch gets a fresh,
 * empty profile (Playwright's own temporary user data dir).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, selectors, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { OWNER } from './n8n';
import { ARTIFACTS_DIR, REPO_DIR } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'browser');
export const DOCS_SCREENSHOTS_DIR = join(REPO_DIR, 'docs', 'screenshots');

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
	/** Every screenshot saved so far, in order. */
	shots: string[];
	/** Runs a step; on failure keeps a screenshot of what the browser showed, named after the step. */
	step<T>(name: string, body: () => Promise<T>): Promise<T>;
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
	const shots: string[] = [];
	const shot = async (name: string, target: Page = page, shotOptions: { fullPage?: boolean } = {}) => {
		const path = join(SCREENSHOTS_DIR, `${name}.png`);
		// Finite CSS animations (fade-ins, toasts sliding in) are finished first, so the picture shows the end state.
		await target.screenshot({ path, timeout: 20_000, fullPage: shotOptions.fullPage ?? false, animations: 'disabled' });
		shots.push(path);
		return path;
	};
	return {
		browser,
		context,
		page,
		shot,
		shots,
		async step(name, body) {
			try {
				return await body();
			} catch (error) {
				await shot(`failed-${name}`).catch(() => undefined);
				throw error;
			}
		},
		async close() {
			await browser.close().catch(() => undefined);
		},
	};
}

/**
 * Signs in as the harness's owner on n8n's sign-in page and waits for the signed-in home (the main sidebar and
 * the Workflows / Credentials / Executions tabs). `beforeSubmit` runs with the form filled (for a screenshot).
 */
export async function signIn(page: Page, n8nUrl: string, beforeSubmit?: () => Promise<void>): Promise<void> {
	await page.goto(`${n8nUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
	await page.locator('input[name="password"]').fill(OWNER.password);
	await beforeSubmit?.();
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
	await page.getByTestId('main-sidebar-settings').waitFor({ state: 'visible', timeout: 60_000 });
	await page.getByTestId('project-tabs').waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * With UPDATE_DOCS_SCREENSHOTS=1, copies the screenshots the docs show to docs/screenshots/ (made small with
 * pngquant when it is installed). `docs` maps a screenshot's name to its file there.
 */
export function updateDocsScreenshots(shots: string[], docs: Record<string, string>): void {
	if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
	mkdirSync(DOCS_SCREENSHOTS_DIR, { recursive: true });
	for (const [name, file] of Object.entries(docs)) {
		const from = shots.find((s) => s.endsWith(`/${name}.png`));
		if (!from) continue;
		const to = join(DOCS_SCREENSHOTS_DIR, file);
		copyFileSync(from, to);
		if (existsSync('/usr/bin/pngquant')) {
			spawnSync('/usr/bin/pngquant', ['--force', '--skip-if-larger', '--quality', '70-95', '--strip', '--ext', '.png', to]);
		}
	}
}
