// check.js: expands a JSON-LD file with the jsonld processor and prints
// it as RDF N-Quads. Used by hearsay's TestJSONLDWithProcessor:
//
//	node .ci/jsonld/check.js FILE
//
// The document loader refuses every remote URL, so a pass proves that the
// output needs no network: its @context is inline. Safe mode makes any
// term or value the processor would silently drop an error.
'use strict';

const fs = require('fs');
const jsonld = require('jsonld');

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node check.js FILE');
    process.exit(2);
  }
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const documentLoader = async (url) => {
    throw new Error('remote document refused (the context must be inline): ' + url);
  };
  const opts = {documentLoader, safe: true};
  const expanded = await jsonld.expand(doc, opts);
  if (expanded.length === 0) {
    throw new Error('expansion is empty');
  }
  const nquads = await jsonld.toRDF(expanded, {...opts, format: 'application/n-quads'});
  process.stdout.write(nquads);
}

main().catch((err) => {
  console.error('jsonld check failed:', err && (err.stack || err));
  if (err && err.details) {
    console.error(JSON.stringify(err.details, null, 2));
  }
  process.exit(1);
});
