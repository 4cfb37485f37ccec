// Validates Argo Rollouts objects against the schema @kubernetes-models/argo-rollouts publishes (generated from
// Argo Rollouts' CRDs). Usage: node validate-argo-rollouts.mjs <node_modules dir> <object.json>...
// Prints one line per problem and exits 1 when any object is invalid, 2 when the models are not installed.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
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
  const problems = [];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(error.message);
  }
  unknownFields(object, join(dirname(models), `${object.kind}.d.ts`), "data", problems);
  for (const problem of problems) {
    console.log(`${file}: ${problem}`);
  }
  invalid ||= problems.length > 0;
}
process.exit(invalid ? 1 : 0);

// The generated validators let unknown fields through (the CRDs leave them open and the API server prunes them
// silently); the models' type declarations name every field, so a field they do not declare is reported.
function unknownFields(value, declaration, path, problems) {
  if (value === null || typeof value !== "object" || !existsSync(declaration)) {
    return;
  }
  const text = readFileSync(declaration, "utf8");
  const types = new Map([...text.matchAll(/import \{ (\w+) \} from "(\.\/[^"]+)\.js"/g)]
    .map(([, type, file]) => [type, join(dirname(declaration), `${file}.d.ts`)]));
  const body = text.slice(text.indexOf("export interface"));
  const fields = new Map([...body.slice(0, body.indexOf("\n}")).matchAll(/^ {4}"([^"]+)"\??: (.+);$/gm)]
    .map(([, name, type]) => [name, type]));
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) {
      problems.push(`${path}/${key} is not a field of ${basename(declaration, ".d.ts")}`);
      continue;
    }
    const array = /^Array<(\w+)>$/.exec(fields.get(key));
    const type = types.get(array ? array[1] : fields.get(key));
    if (type && array && Array.isArray(child)) {
      child.forEach((item, i) => unknownFields(item, type, `${path}/${key}/${i}`, problems));
    } else if (type) {
      unknownFields(child, type, `${path}/${key}`, problems);
    }
  }
}
