/** Include Request Headers: the request's headers go into the item, but never a signature or a credential. */
import fc from 'fast-check';

import { itemHeaders } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/item';

describe('itemHeaders', () => {
	it('leaves out x-zm-signature and authorization, and keeps the rest as they came', () => {
		const headers = {
			'x-zm-signature': `v0=${'a'.repeat(64)}`,
			'X-Zm-Signature': 'v0=other',
			authorization: 'Bearer secret',
			'x-zm-request-timestamp': '1700000000',
			'x-zm-trackingid': 'v=2.0;clid=us;rid=1',
			'user-agent': 'Zoom Marketplace/1.0a',
		};
		expect(itemHeaders(headers)).toEqual({
			'x-zm-request-timestamp': '1700000000',
			'x-zm-trackingid': 'v=2.0;clid=us;rid=1',
			'user-agent': 'Zoom Marketplace/1.0a',
		});
	});

	it('property: no signature survives, whatever else came, and every other header is kept', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), fc.string(), (other, signature) => {
				const out = itemHeaders({ ...other, 'x-zm-signature': signature });
				expect(Object.keys(out).map((k) => k.toLowerCase())).not.toContain('x-zm-signature');
				for (const [name, value] of Object.entries(other)) {
					if (!['x-zm-signature', 'authorization'].includes(name.toLowerCase())) expect(out[name]).toBe(value);
				}
			}),
		);
	});
});
