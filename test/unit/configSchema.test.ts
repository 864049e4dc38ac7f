import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import configSchema from '../../schemas/config.schema.json';
import { parseConfig } from '../../src/core/config';
import { RULES } from '../../src/core/rules';

test('the config file schema lists every rule, with its default severity', () => {
  const props = (configSchema.properties.rules as { properties: Record<string, { description: string }> }).properties;
  assert.deepEqual(Object.keys(props).sort(), Object.keys(RULES).sort());
  for (const [id, r] of Object.entries(RULES)) assert.match(props[id].description, new RegExp(`Default: ${r.severity}\\.`));
});

test('what the config schema accepts, the config reader accepts, and the reverse', () => {
  const validate = new Ajv().compile(configSchema);
  const good = '{"rules": {"title-length": "error", "answer-heading": "off"}, "blockPublish": ["personal-data"], "titleMax": 70}';
  assert.ok(validate(JSON.parse(good)));
  assert.doesNotThrow(() => parseConfig(good));
  const bad = '{"rules": {"title-length": "loud"}}';
  assert.equal(validate(JSON.parse(bad)), false);
  assert.throws(() => parseConfig(bad));
  const extra = '{"rulez": {}}';
  assert.equal(validate(JSON.parse(extra)), false);
  assert.throws(() => parseConfig(extra), /unknown setting "rulez"/);
});
