/** Names of downloaded recording files: hostile Content-Disposition values and recording fields. */
import fc from 'fast-check';

import { fallbackFileName, fileNameFromDisposition, safeFileName } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/recording/fileName';

/** What a safe name is: one path segment a file system accepts as a plain, visible file. */
function expectSafe(name: string | undefined) {
	if (name === undefined) return;
	expect(name).not.toMatch(/[/\\]/);
	expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
	expect(name).not.toMatch(/^[\s.]/);
	expect(name).not.toMatch(/[\s.]$/);
	expect(name).not.toMatch(/[<>:"|?*]/);
	expect(name.length).toBeGreaterThan(0);
	expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
}

describe('fileNameFromDisposition', () => {
	it('keeps only the last segment of a filename* that climbs folders', () => {
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys")).toBe('authorized_keys');
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''..%5C..%5Cwin.ini")).toBe('win.ini');
		expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
	});

	it('drops control and bidi characters and leading dots', () => {
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''a%0D%0Ab%00.mp4")).toBe('ab.mp4');
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E2%80%AEgpj.exe")).toBe('gpj.exe');
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''.bashrc")).toBe('bashrc');
	});

	it('falls back to the plain filename when filename* leaves nothing, and to undefined when neither is usable', () => {
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''..; filename=\"rec.mp4\"")).toBe('rec.mp4');
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''%2F..%2F")).toBeUndefined();
		expect(fileNameFromDisposition('attachment; filename=".."')).toBeUndefined();
	});

	it('keeps ordinary UTF-8 names as Zoom sends them', () => {
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''Weekly%20sync%20%E2%80%94%20Ana%20Mar%C3%ADa.mp4")).toBe('Weekly sync — Ana María.mp4');
		expect(fileNameFromDisposition('attachment; filename="GMT20240501-100000_Recording_1920x1080.mp4"')).toBe('GMT20240501-100000_Recording_1920x1080.mp4');
	});

	it('property: any filename* value gives a safe name or none', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
				expectSafe(fileNameFromDisposition(`attachment; filename*=UTF-8''${encodeURIComponent(raw)}`));
				expectSafe(fileNameFromDisposition(`attachment; filename="${raw.replace(/"/g, '')}"`));
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('safeFileName', () => {
	it('cuts a long name to 255 bytes and keeps its extension', () => {
		const name = safeFileName(`${'é'.repeat(300)}.mp4`)!;
		expect(name.endsWith('.mp4')).toBe(true);
		expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
	});

	it('property: the result is safe and idempotent', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (raw) => {
				const name = safeFileName(raw);
				expectSafe(name);
				if (name !== undefined) expect(safeFileName(name)).toBe(name);
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('fallbackFileName', () => {
	it('sanitises the extension and the topic', () => {
		const name = fallbackFileName({ topic: '../../x' }, { file_extension: '../../../.ssh/authorized_keys', recording_type: 'shared/../screen', recording_start: '2024-05-01T10:00:00Z' });
		expectSafe(name);
		expect(name).toBe('_.._x_20240501T100000Z_shared_screen.sshauthori');
	});

	it('property: any recording fields give a safe name', () => {
		const field = fc.option(fc.string({ unit: 'binary', maxLength: 120 }), { nil: undefined });
		fc.assert(
			fc.property(field, field, field, field, (topic, extension, type, start) => {
				expectSafe(fallbackFileName({ topic }, { file_extension: extension, recording_type: type, recording_start: start }));
			}),
			{ numRuns: 1000 },
		);
	});
});
