import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directoryParams, hasCriteria, staffParams, withPage, withParam } from './search-params.ts';

test('the address gives the search, ignoring what is not a known value', () => {
  const p = staffParams(new URLSearchParams('q=%20alaoui%20&kind=artisan&status=bogus&page=3'));
  assert.deepEqual(p, { q: 'alaoui', kind: 'artisan', limit: 20, offset: 40, page: 3 });
  assert.ok(hasCriteria(p));
  assert.ok(!hasCriteria(staffParams(new URLSearchParams('page=2'))));
  assert.deepEqual(directoryParams(new URLSearchParams('region=MA-06')), {
    region: 'MA-06',
    limit: 24,
    offset: 0,
    page: 1,
  });
});

test('changing a filter goes back to the first page', () => {
  const next = withParam(new URLSearchParams('q=a&page=4'), 'kind', 'cooperative');
  assert.equal(next.toString(), 'q=a&kind=cooperative');
  assert.equal(withParam(next, 'kind', null).toString(), 'q=a');
  assert.equal(withPage(next, 2).get('page'), '2');
  assert.equal(withPage(next, 1).has('page'), false);
});
