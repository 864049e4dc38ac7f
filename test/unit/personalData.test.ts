import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPersonalData, luhnValid } from '../../src/core/check/personalData';
import { article, check, only } from './helpers';

const kinds = (s: string) => findPersonalData(s).map((m) => `${m.kind}:${s.slice(m.start, m.end)}`);

test('personnummer with a valid Luhn digit, 10 or 12 digits, - or +', () => {
  assert.ok(luhnValid('8112189876'));
  assert.deepEqual(kinds('Mitt nr är 811218-9876.'), ['personnummer:811218-9876']);
  assert.deepEqual(kinds('pnr 19811218-9876 och 811218+9876'), ['personnummer:19811218-9876', 'personnummer:811218+9876']);
  assert.deepEqual(kinds('8112189876'), ['personnummer:8112189876']);
});

test('numbers that only look like a personnummer are not flagged', () => {
  assert.deepEqual(kinds('811218-9875'), []); // wrong check digit
  assert.deepEqual(kinds('811318-9876'), []); // month 13
  assert.deepEqual(kinds('Jag är 45 år, opererades 2017 och tar 500 mg 3-4 gånger om dagen.'), []);
  assert.deepEqual(kinds('Datum 2017-08-15, kl 10:30, 1-2 veckor, 20-30 procent, 120/80.'), []);
  assert.deepEqual(kinds('Remissnummer 12345678901234'), []);
});

test('Swedish phone numbers in their usual shapes', () => {
  for (const n of ['070-123 45 67', '0701234567', '08-123 456 78', '031-12 34 56', '+46 70 123 45 67', '+46701234567', '0046 8 123 456 78']) {
    assert.deepEqual(kinds(`Ring ${n} i kväll`), [`phone:${n}`], n);
  }
  assert.deepEqual(kinds('Smärtan 0-10 var 7, ca 05 gånger'), []);
});

test('e-mail addresses', () => {
  assert.deepEqual(kinds('Skriv till anna.berg+axel@example.se.'), ['email:anna.berg+axel@example.se']);
  assert.deepEqual(kinds('@axel och a@b'), []);
});

test('personal data in question, answer and patientName are warnings on the exact span', () => {
  const text = article({ question: 'question: |\n  Ring 070-123 45 67', patientName: 'patientName: "Anna a@b.se"' }, 'Mejla anna@example.se.\n\n**Sammanfattning:**\n- En\n');
  const ps = only(check(text), 'personal-data');
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['070-123 45 67', 'a@b.se', 'anna@example.se']);
  assert.ok(ps.every((p) => p.severity === 'warning'));
  assert.deepEqual(only(check(article({ title: 'title: "Ring 070-123 45 67"' })), 'personal-data'), []);
});
