// YAML dates are UTC midnight: shown in local time they would be a day early west of
// Greenwich. This file runs in its own process, so it can set the time zone.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parseArticle } from '../../src/core/parse';
import { formatSwedishDate, renderArticle } from '../../src/core/render';
import { article, check, only } from './helpers';

const savedTz = process.env.TZ;
after(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

for (const tz of ['America/Los_Angeles', 'Etc/GMT+12', 'Pacific/Kiritimati', 'UTC']) {
  describe(`in time zone ${tz}`, () => {
    it('the page shows the day written', () => {
      process.env.TZ = tz;
      assert.equal(formatSwedishDate(new Date('2017-08-15')), '15 augusti 2017');
      assert.equal(formatSwedishDate(new Date('2020-01-01')), '1 januari 2020');
      assert.equal(formatSwedishDate(new Date('2019-12-31')), '31 december 2019');
      const html = renderArticle(parseArticle(article({ date: 'date: 2020-03-01' })));
      assert.match(html, /<time data-qa="date" datetime="2020-03-01"[^>]*>1 mars 2020<\/time>/);
    });
    it('date-invalid names the day the site would show, and leaves real days alone', () => {
      process.env.TZ = tz;
      assert.deepEqual(only(check(article({ date: 'date: 2020-03-01' })), 'date-invalid'), []);
      assert.deepEqual(only(check(article({ date: 'date: 2017-02-30' })), 'date-invalid').map((p) => p.message.includes('2017-03-02')), [true]);
    });
  });
}

it('the zone really changed (otherwise the tests above prove nothing)', () => {
  process.env.TZ = 'America/Los_Angeles';
  assert.equal(new Date('2017-08-15').getDate(), 14);
  process.env.TZ = 'Pacific/Kiritimati';
  assert.equal(new Date('2017-08-15T23:00:00Z').getDate(), 16);
});
