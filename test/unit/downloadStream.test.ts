/** The transport with encoding 'stream' (recording downloads): error bodies still read, token kept off redirects. */
import { Readable } from 'node:stream';

import { zoomApiRequestFull } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
import { fakeZoomContext } from './fakeZoomContext';

const URL_ON_ZOOM = 'https://us02web.zoom.us/rec/download/abc';

function httpError(status: number, data: unknown) {
	return Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, headers: {}, data } });
}

describe('streamed downloads', () => {
	it('a Zoom error answered to a streamed request gives Zoom’s message, read from the stream', async () => {
		const body = Readable.from([Buffer.from('{"code":3301,"message":"There is no recording for this meeting."}')]);
		const { context } = fakeZoomContext(() => {
			throw httpError(404, body);
		});
		await expect(zoomApiRequestFull.call(context, 'GET', '', { url: URL_ON_ZOOM, encoding: 'stream' })).rejects.toThrow(/Zoom code 3301/);
	});

	it('reads at most 64 KiB of a streamed error body', async () => {
		let pulled = 0;
		const endless = new Readable({
			read() {
				pulled += 16 * 1024;
				this.push(Buffer.alloc(16 * 1024, 0x61));
			},
		});
		const { context } = fakeZoomContext(() => {
			throw httpError(400, endless);
		});
		await expect(zoomApiRequestFull.call(context, 'GET', '', { url: URL_ON_ZOOM, encoding: 'stream' })).rejects.toThrow();
		expect(pulled).toBeLessThanOrEqual(256 * 1024);
	});

	it('does not let n8n forward the token on a cross-origin redirect of a download, but keeps API calls as they were', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: Readable.from([]) }));
		await zoomApiRequestFull.call(context, 'GET', '', { url: URL_ON_ZOOM, encoding: 'stream' });
		await zoomApiRequestFull.call(context, 'GET', '/users/me');
		expect(requests.map((r) => (r as { sendCredentialsOnCrossOriginRedirect?: boolean }).sendCredentialsOnCrossOriginRedirect)).toEqual([false, true]);
	});
});
