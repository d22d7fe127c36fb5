import { createHash, timingSafeEqual } from 'crypto';

/**
 * Whether two secret tokens are equal, in time that does not depend on where they first differ: both are
 * hashed to 32 bytes first, so timingSafeEqual gets equal lengths and no length is revealed either.
 */
export function sameToken(a: string, b: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(a), digest(b));
}
