import { slugify } from '../../src/modules/tenant/tenant.service';

describe('slugify', () => {
  it.each([
    ['Acme Cloud', 'acme-cloud'],
    ['  Café  Münster GmbH ', 'cafe-munster-gmbh'],
    ['!!!', 'workspace'],
    ['a'.repeat(80), 'a'.repeat(48)],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));
});
