// Validates krakend.json files against KrakenD's official bundled schema (JSON Schema draft 2019-09) with Ajv.
// Usage: node validate-krakend.mjs SCHEMA.json FILE...   Prints one JSON line per file; exit 0 when all are valid.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2019 = require('ajv/dist/2019').default;
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: node validate-krakend.mjs SCHEMA.json FILE...');
  process.exit(2);
}
// KrakenD's patterns use Go regexp syntax that is not valid under the 'u' flag.
const ajv = new Ajv2019({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let allValid = true;
for (const file of files) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const valid = validate(data);
  allValid &&= valid;
  const errors = (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  console.log(JSON.stringify({ file, valid, errors: errors.slice(0, 20) }));
}
process.exit(allValid ? 0 : 1);
