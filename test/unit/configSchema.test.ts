import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import configSchema from '../../schemas/config.schema.json';
import { ConfigError, parseConfig } from '../../src/core/config';
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
  assert.throws(() => parseConfig(extra), (e: ConfigError) => e.key === 'config-unknown-key' && e.args[0] === 'rulez' && e.offset === 1);
  const globs = '{"include": ["content/**/*.md"], "exclude": "content/drafts/**"}';
  assert.ok(validate(JSON.parse(globs)));
  assert.deepEqual(parseConfig(globs).exclude, ['content/drafts/**']);
  for (const badGlobs of ['{"include": []}', '{"include": [""]}', '{"exclude": [3]}']) {
    assert.equal(validate(JSON.parse(badGlobs)), false, badGlobs);
    assert.throws(() => parseConfig(badGlobs), ConfigError, badGlobs);
  }
});
