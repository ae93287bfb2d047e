// Validates every object in deploy/kubernetes/*.yaml against the Kubernetes API's own schemas, through the typed
// models of the kubernetes-models package: an unknown field, a wrong type or a missing required field fails.
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import yaml from 'js-yaml';
import {Deployment} from 'kubernetes-models/apps/v1';
import {HorizontalPodAutoscaler} from 'kubernetes-models/autoscaling/v2';
import {PodDisruptionBudget} from 'kubernetes-models/policy/v1';
import {NetworkPolicy} from 'kubernetes-models/networking.k8s.io/v1';
import {Secret, Service} from 'kubernetes-models/v1';

const models = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let failures = 0;
let checked = 0;
// The manifests, and the examples kept apart so that `kubectl apply -f deploy/kubernetes/` never applies them.
const files = ['.', 'examples'].flatMap((folder) => readdirSync(join(root, folder))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(folder, name)));
for (const file of files) {
  for (const object of yaml.loadAll(readFileSync(join(root, file), 'utf8'))) {
    if (!object) continue;
    const kind = `${object.apiVersion}/${object.kind}`;
    const Model = models[kind];
    try {
      if (!Model) throw new Error(`no schema known for ${kind}`);
      new Model(object).validate();
      checked++;
      console.log(`ok   ${file}: ${kind} ${object.metadata?.name}`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}: ${kind} ${object.metadata?.name}: ${error.message}`);
    }
  }
}
console.log(`${checked} objects valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
