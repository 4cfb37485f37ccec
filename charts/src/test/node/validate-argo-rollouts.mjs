// Validates Argo Rollouts objects against the schema @kubernetes-models/argo-rollouts publishes (generated from
// Argo Rollouts' CRDs). Usage: node validate-argo-rollouts.mjs <node_modules dir> <object.json>...
// Prints one line per problem and exits 1 when any object is invalid, 2 when the models are not installed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
const models = join(modules, "@kubernetes-models", "argo-rollouts", "argoproj.io", "v1alpha1", "index.js");
if (!existsSync(models)) {
  console.error(`@kubernetes-models/argo-rollouts not installed under ${modules}`);
  process.exit(2);
}
const v1alpha1 = await import(pathToFileURL(models).href);
let invalid = false;
for (const file of files) {
  const object = JSON.parse(readFileSync(file, "utf8"));
  const [group, version] = object.apiVersion.split("/");
  const Model = group === "argoproj.io" && version === "v1alpha1" ? v1alpha1[object.kind] : undefined;
  if (!Model) {
    console.log(`${file}: no Argo Rollouts model for ${object.apiVersion} ${object.kind}`);
    invalid = true;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`${file}: valid ${object.kind}`);
  } catch (error) {
    console.log(`${file}: ${error.message}`);
    invalid = true;
  }
}
process.exit(invalid ? 1 : 0);
