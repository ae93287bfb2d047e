// Checks that the docs show the snippets as they are in this folder: every fenced block of README.md or docs/*.md
// whose first line is `// docs/snippets/<file>` must equal that file, and every snippet (*.ts, *.tsx, not *.d.ts)
// must be shown somewhere. tsc type-checks the files themselves (scripts/lint.sh).
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
const snippets = readdirSync(here).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts'));
const shown = new Set();
let failures = 0;

for (const doc of docs) {
  const blocks = readFileSync(join(root, doc), 'utf8').matchAll(/^```[a-z]*\n(\/\/ docs\/snippets\/([\w.-]+)[^\n]*\n[\s\S]*?)^```$/gm);
  for (const [, text, name] of blocks) {
    let file;
    try {
      file = readFileSync(join(here, name), 'utf8');
    } catch {
      console.log(`FAIL ${doc}: shows docs/snippets/${name}, which does not exist`);
      failures++;
      continue;
    }
    if (text === file) {
      console.log(`ok   ${doc}: docs/snippets/${name}`);
      shown.add(name);
    } else {
      console.log(`FAIL ${doc}: its copy of docs/snippets/${name} differs from the file`);
      failures++;
    }
  }
}
for (const name of snippets.filter((n) => !shown.has(n))) {
  console.log(`FAIL docs/snippets/${name} is shown in no doc`);
  failures++;
}
process.exit(failures === 0 ? 0 : 1);
