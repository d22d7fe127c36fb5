/**
 * The OAuth2 connect flow as a person clicks it: n8n hands out the authorize URL, the sandbox shows
 * its consent page, "Allow" is pressed, and the browser lands on n8n's own OAuth callback.
 */
import axios from 'axios';

import type { N8n } from './n8n';

interface HtmlForm {
	action: string;
	method: string;
	fields: Record<string, string>;
	buttons: Array<{ name?: string; value?: string; label: string }>;
}

function attribute(tag: string, name: string): string | undefined {
	const match = new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
	return match ? decodeEntities(match[2] ?? match[3] ?? '') : undefined;
}

function decodeEntities(text: string): string {
	return text
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
}

export function parseForms(html: string): HtmlForm[] {
	const forms: HtmlForm[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const fields: Record<string, string> = {};
		for (const input of match[2].matchAll(/<input\b[^>]*>/gi)) {
			const name = attribute(input[0], 'name');
			const type = (attribute(input[0], 'type') ?? 'text').toLowerCase();
			if (name && type !== 'submit') fields[name] = attribute(input[0], 'value') ?? '';
		}
		const buttons: HtmlForm['buttons'] = [];
		for (const button of match[2].matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
			buttons.push({ name: attribute(button[1], 'name'), value: attribute(button[1], 'value'), label: button[2].replace(/<[^>]+>/g, '').trim() });
		}
		for (const input of match[2].matchAll(/<input\b[^>]*type\s*=\s*["']submit["'][^>]*>/gi)) {
			buttons.push({ name: attribute(input[0], 'name'), value: attribute(input[0], 'value'), label: attribute(input[0], 'value') ?? '' });
		}
		forms.push({ action: attribute(match[1], 'action') ?? '', method: (attribute(match[1], 'method') ?? 'get').toLowerCase(), fields, buttons });
	}
	return forms;
}

/** Connects an OAuth2 credential through n8n's callback; returns the URLs visited. */
export async function connectOAuth2(n8n: N8n, credentialId: string): Promise<{ authorizeUrl: string; callbackUrl: string; callbackStatus: number; callbackBody: string }> {
	const authorizeUrl = await n8n.restCall<string>('GET', `/oauth2-credential/auth?id=${credentialId}`);
	const consent = await axios.get(authorizeUrl, { validateStatus: () => true, maxRedirects: 0 });
	if (consent.status !== 200) throw new Error(`consent page → ${consent.status}: ${String(consent.data).slice(0, 300)}`);
	const form = parseForms(String(consent.data)).find((f) => f.buttons.some((b) => /allow/i.test(b.label)));
	if (!form) throw new Error('the consent page has no form with an Allow button');
	const allow = form.buttons.find((b) => /allow/i.test(b.label));
	const fields = { ...form.fields, ...(allow?.name ? { [allow.name]: allow.value ?? '' } : {}) };
	const action = new URL(form.action || authorizeUrl, authorizeUrl).toString();
	const decision = await axios.request({
		method: form.method === 'post' ? 'POST' : 'GET',
		url: action,
		...(form.method === 'post'
			? { data: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
			: { params: fields }),
		maxRedirects: 0,
		validateStatus: () => true,
	});
	const callbackUrl = decision.headers.location as string | undefined;
	if (decision.status !== 302 || !callbackUrl) throw new Error(`Allow → ${decision.status} without a redirect`);
	const callback = await axios.get(callbackUrl, {
		headers: { cookie: n8n.state.cookie },
		validateStatus: () => true,
		maxRedirects: 0,
	});
	return { authorizeUrl, callbackUrl, callbackStatus: callback.status, callbackBody: String(callback.data) };
}
