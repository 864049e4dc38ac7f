import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSchema } from '../../src/core/schema';
import { article, check, only } from './helpers';

/** A project's own schema, as a developer writes one: limits beyond the site's contract. */
const schema = compileSchema({
  type: 'object',
  required: ['title', 'category', 'date', 'question'],
  properties: {
    title: { type: 'string', minLength: 5, maxLength: 70 },
    description: { type: 'string', maxLength: 140 },
    category: { enum: ['axel', 'kna', 'armbage', 'annat'] },
    date: { 'x-yaml-type': 'timestamp' },
    question: { type: 'string' },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-zåäö-]+$' }, minItems: 1, maxItems: 3, uniqueItems: true },
    topic: { type: 'string' },
    author: { const: 'Dr. A' },
    published: { type: 'boolean' },
    patientAge: { type: 'integer', minimum: 0, exclusiveMaximum: 120, multipleOf: 1 },
    status: { not: { const: 'klar' } },
  },
});

const messages = (text: string, lang: 'en' | 'sv' = 'en') => only(check(text, { schema, lang }), 'schema').map((p) => p.message);

test('a project schema\'s lengths, limits, patterns and constants are said in words, in English and Swedish', () => {
  const text = article({ title: 'title: "Ont"', description: `description: "${'x'.repeat(150)}"`, tags: 'tags: ["Axel", "b", "b", "c"]', author: 'author: "Dr. B"', patientAge: 'patientAge: 120', status: 'status: "klar"' });
  assert.deepEqual(messages(text), [
    "`title` is too short for the project's schema: write at least 5 characters.",
    "`description` is too long for the project's schema: write at most 140 characters.",
    "`tags` has too many items for the project's schema: keep at most 3.",
    "`tags` (item 1) is not written in the form the project's schema asks for (^[a-zåäö-]+$).",
    '`author` must be "Dr. A" in the project\'s schema.',
    "`patientAge` must be less than 120 in the project's schema.",
    "`status` is not allowed by the project's schema.",
  ]);
  assert.deepEqual(messages(text, 'sv').slice(0, 2), ['`title` är för kort för projektets schema: skriv minst 5 tecken.', '`description` är för långt för projektets schema: skriv högst 140 tecken.']);
  // No validator text is left, in either language.
  for (const m of [...messages(text), ...messages(text, 'sv')]) assert.doesNotMatch(m, /must NOT|must match|must be equal|must be <|must be >/);
  assert.deepEqual(messages(article({ tags: 'tags: ["a", "b", "a"]' })), ["`tags` has the same item twice (items 1 and 3): the project's schema wants each once."]);
  assert.deepEqual(messages(article({ tags: 'tags: []' })), ["`tags` needs at least 1 item in the project's schema."]);
});
