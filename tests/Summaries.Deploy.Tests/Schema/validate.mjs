// Parses a multi-document YAML file (what `kubectl kustomize` prints) and validates every object
// against the Kubernetes JSON schemas shipped in npm kubernetes-models 4.x.
//
//   node validate.mjs FILE.yaml
//
// Prints one JSON document on stdout: { "objects": [...], "errors": [{ index, kind, name, message }] }.
// Exits 0 when the file parsed (even with schema errors, which the caller asserts on), 2 when it did
// not, 3 when kubernetes-models or yaml is not installed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let parseAllDocuments;
try {
  ({ parseAllDocuments } = require("yaml"));
  require.resolve("kubernetes-models/package.json");
} catch (e) {
  process.stderr.write(`missing npm packages (npm ci in ${new URL(".", import.meta.url).pathname}): ${e.message}\n`);
  process.exit(3);
}

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node validate.mjs FILE.yaml\n");
  process.exit(2);
}

const objects = [];
for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length > 0) {
    process.stderr.write(`YAML error: ${doc.errors[0].message}\n`);
    process.exit(2);
  }
  const value = doc.toJS();
  if (value !== null && value !== undefined) objects.push(value);
}

// "apps/v1" + "Deployment" -> kubernetes-models/apps/v1/Deployment; core "v1" -> kubernetes-models/v1/Service.
function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9.\/-]+$/.test(apiVersion) || !/^[A-Za-z]+$/.test(kind)) {
    return null;
  }
  try {
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind] ?? null;
  } catch {
    return null;
  }
}

function describe(error) {
  const details = Array.isArray(error.errors) ? error.errors : Array.isArray(error.details) ? error.details : [];
  const parts = details.map((d) => `${d.instancePath ?? d.dataPath ?? ""} ${d.message ?? ""}${d.params ? " " + JSON.stringify(d.params) : ""}`.trim());
  return parts.length > 0 ? parts.join("; ") : String(error.message ?? error);
}

const errors = [];
objects.forEach((object, index) => {
  const kind = object?.kind;
  const name = object?.metadata?.name ?? "";
  const Model = modelFor(object?.apiVersion, kind);
  if (!Model) {
    errors.push({ index, kind: String(kind), name, message: `no Kubernetes schema for apiVersion "${object?.apiVersion}" kind "${kind}"` });
    return;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push({ index, kind, name, message: describe(error) });
  }
});

process.stdout.write(JSON.stringify({ objects, errors }));
