// Validates a Teams app manifest against the JSON schema of its manifestVersion, as shipped by @microsoft/app-manifest
// (the schema's URL is not reachable from CI). Validates as that package does: Ajv for draft-04 (the schema's draft),
// all errors, uri/email/regex formats.
//   node validate-teams-manifest.js <manifest.json>
// Exit 0 when valid; 1 with one line per error on stderr; 2 when the manifest or its schema can't be read.
'use strict';
const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error(message);
  process.exit(2);
}

const file = process.argv[2];
if (!file) fail('usage: node validate-teams-manifest.js <manifest.json>');

let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
} catch (e) {
  fail(`${file}: ${e.message}`);
}

const version = manifest.manifestVersion;
if (typeof version !== 'string' || !/^(\d+\.\d+|devPreview)$/.test(version)) {
  fail(`${file}: manifestVersion ${JSON.stringify(version)} names no schema`);
}

let schemaFile;
try {
  schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build', 'json-schemas', 'teams', version === 'devPreview' ? 'vDevPreview' : `v${version}`, 'MicrosoftTeams.schema.json');
} catch (e) {
  fail(`@microsoft/app-manifest is not installed: run npm ci in ${path.resolve(__dirname, '..')} (${e.message})`);
}
if (!fs.existsSync(schemaFile)) fail(`no schema for manifest ${version} in @microsoft/app-manifest (${schemaFile})`);

const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
if (!String(schema.$schema).includes('draft-04')) fail(`${schemaFile}: expected a draft-04 schema, found ${schema.$schema}`);

const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ['uri', 'email', 'regex']);
const validate = ajv.compile(schema);

if (validate(manifest)) {
  console.log(`${file}: valid against ${path.relative(process.cwd(), schemaFile)}`);
  process.exit(0);
}

for (const error of validate.errors) {
  console.error(`${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}
process.exit(1);
