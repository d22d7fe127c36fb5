/**
 * The name a downloaded recording file gets in n8n's binary data. The name comes from the storage server's
 * Content-Disposition or from the recording's fields, so it is untrusted: a later Write Files node may join it
 * to a folder. Pure, unit- and property-tested.
 */
import type { IDataObject } from 'n8n-workflow';

/** The longest name most file systems accept, in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;

// C0 and C1 controls, DEL, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg".
// Tested by code point rather than a regular expression, since n8n's lint refuses control characters in one.
const UNSAFE_RANGES: Array<[number, number]> = [
	[0x00, 0x1f],
	[0x7f, 0x9f],
	[0x061c, 0x061c],
	[0x200e, 0x200f],
	[0x202a, 0x202e],
	[0x2066, 0x2069],
];

function withoutUnsafeCharacters(text: string): string {
	let out = '';
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		if (!UNSAFE_RANGES.some(([low, high]) => code >= low && code <= high)) out += character;
	}
	return out;
}
// Characters Windows forbids in names; replaced so the name survives a copy to any file system.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** Cuts to at most `bytes` UTF-8 bytes without splitting a character (or a surrogate pair). */
function truncateBytes(text: string, bytes: number): string {
	let out = '';
	for (const character of text) {
		if (utf8Bytes(out) + utf8Bytes(character) > bytes) break;
		out += character;
	}
	return out;
}

/**
 * A file name without any folder in it: the last path segment (either slash), no control or bidi
 * characters, no leading dots or spaces (no hidden files, no `..`), no trailing dots or spaces, at most 255
 * bytes with the extension kept. Undefined when nothing usable is left.
 */
export function safeFileName(name: string): string | undefined {
	const base = name.split(/[/\\]/).pop() ?? '';
	const cleaned = withoutUnsafeCharacters(base)
		.replace(RESERVED_CHARACTERS, '_')
		.replace(/^[\s.]+/, '')
		.replace(/[\s.]+$/, '');
	if (!cleaned) return undefined;
	if (utf8Bytes(cleaned) <= MAX_NAME_BYTES) return cleaned;
	const dot = cleaned.lastIndexOf('.');
	const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
	const stem = cleaned.slice(0, cleaned.length - extension.length);
	return truncateBytes(stem, MAX_NAME_BYTES - utf8Bytes(extension)) + extension;
}

/** filename* (RFC 5987, UTF-8) or filename of a Content-Disposition header, made safe. */
export function fileNameFromDisposition(value: unknown): string | undefined {
	const text = Array.isArray(value) ? String(value[0]) : typeof value === 'string' ? value : '';
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(text);
	if (extended) {
		try {
			const name = safeFileName(decodeURIComponent(extended[1].trim()));
			if (name) return name;
		} catch {
			// A malformed escape: fall back to the plain filename.
		}
	}
	const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(text);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name ? safeFileName(name) : undefined;
}

/** A name when storage gives none: topic, start and type, with the file's extension (letters and digits only). */
export function fallbackFileName(recording: IDataObject, file: IDataObject): string {
	const topic = String(recording.topic ?? 'Zoom recording')
		.replace(/[^\w.-]+/g, '_')
		.slice(0, 80);
	const start = String(file.recording_start ?? recording.start_time ?? '').replace(/[^\dTZ]/g, '');
	const type = String(file.recording_type ?? file.file_type ?? 'file')
		.replace(/[^\w-]+/g, '_')
		.slice(0, 40);
	const extension =
		String(file.file_extension ?? file.file_type ?? '')
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '')
			.slice(0, 10) || 'bin';
	return safeFileName(`${topic}_${start}_${type}.${extension}`) ?? `recording.${extension}`;
}
