// The half of scripts/readme-check.sh that reads README.md: it finds the curl lines and the answers shown for them,
// runs them against a service that the shell script started, and compares. Usage:
//   node scripts/readme-check.mjs clients            prints the README's client settings as shell lines to eval
//   node scripts/readme-check.mjs run GROUP PORT     runs the curl lines of GROUP (open or clients) against PORT
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const readme = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const README_PORT = 'localhost:8080';

/** The curl lines of README.md's shell blocks, each with its group and the answer shown after it. */
function parse() {
  const cases = [];
  const settings = [];
  let inShell = false;
  let clients = false;
  let pending = [];
  readFileSync(readme, 'utf8').split('\n').forEach((line, index) => {
    const where = `README.md:${index + 1}`;
    if (line.startsWith('## ')) clients = false;
    if (/^```/.test(line)) {
      if (pending.length > 0) throw new Error(`${pending[0].where}: a curl line with no answer shown after it`);
      inShell = !inShell && /^```(shell|sh|bash)\s*$/.test(line);
      return;
    }
    if (!inShell) return;
    if (/^key=/.test(line) || /^CONNECTION_TOKEN_CLIENTS_\d+_[A-Z0-9_]+=/.test(line)) {
      settings.push(line.replace(/\s*\\$/, '').replace(/\s+#.*$/, ''));
      clients = clients || line.startsWith('CONNECTION_TOKEN_CLIENTS_');
    } else if (/^curl /.test(line)) {
      pending.push({where, line, group: clients ? 'clients' : 'open'});
    } else if (/^# \d{3}(\s|$)/.test(line)) {
      if (pending.length === 0) throw new Error(`${where}: an answer shown with no curl line before it`);
      const expected = parseAnswer(line.slice(2), where);
      cases.push(...pending.map((c) => ({...c, expected})));
      pending = [];
    } else if (pending.length > 0 && !line.startsWith('#')) {
      throw new Error(`${pending[0].where}: a curl line with no answer shown after it`);
    }
  });
  return {cases, settings};
}

/** `200`, then optional `Header: value` pairs, then optional JSON in which `...` stands for what may vary. */
function parseAnswer(text, where) {
  let rest = text.trim();
  const status = Number(rest.slice(0, 3));
  rest = rest.slice(3).trim();
  const headers = {};
  let header;
  while ((header = /^([A-Za-z-]+): (\S+)\s*/.exec(rest))) {
    headers[header[1].toLowerCase()] = header[2];
    rest = rest.slice(header[0].length);
  }
  let body;
  if (rest) {
    const json = rest
      .replaceAll('{...}', '"@@ANY@@"')
      .replaceAll(',...]', ',"@@MORE@@"]')
      .replaceAll(',...}', ',"@@REST@@":0}');
    try {
      body = JSON.parse(json);
    } catch (error) {
      throw new Error(`${where}: the answer shown is not JSON with ... placeholders: ${error.message}`);
    }
  }
  return {status, headers, body};
}

/** Whether actual matches shown; returns the path of the first difference, or null. */
function mismatch(shown, actual, path = '$') {
  if (shown === '@@ANY@@') return actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? null : path;
  if (typeof shown === 'string') {
    if (typeof actual !== 'string') return path;
    const pattern = new RegExp(`^${shown.split('...').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return pattern.test(actual) ? null : path;
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return path;
    const more = shown.at(-1) === '@@MORE@@';
    const items = more ? shown.slice(0, -1) : shown;
    if (more ? actual.length < items.length : actual.length !== items.length) return `${path}.length`;
    for (let i = 0; i < items.length; i++) {
      const difference = mismatch(items[i], actual[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return path;
    const rest = '@@REST@@' in shown;
    for (const [name, value] of Object.entries(shown)) {
      if (name === '@@REST@@') continue;
      if (!(name in actual)) return `${path}.${name} (missing)`;
      const difference = mismatch(value, actual[name], `${path}.${name}`);
      if (difference) return difference;
    }
    const extra = Object.keys(actual).filter((name) => !(name in shown));
    return !rest && extra.length > 0 ? `${path}.${extra[0]} (not shown)` : null;
  }
  return shown === actual ? null : path;
}

function run(group, port) {
  const {cases} = parse();
  const chosen = cases.filter((c) => c.group === group);
  if (chosen.length === 0) throw new Error(`README.md has no curl line for the ${group} service`);
  const work = mkdtempSync(join(tmpdir(), 'readme-check-'));
  let failures = 0;
  try {
    for (const c of chosen) {
      const command = c.line.replaceAll(README_PORT, `localhost:${port}`)
        .replace(/^curl /, `curl -sS -o '${work}/body' -D '${work}/headers' -w '%{http_code}' `);
      const problems = [];
      let status;
      try {
        status = Number(execFileSync('bash', ['-c', command], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}));
      } catch (error) {
        problems.push(`curl failed: ${error.stderr || error.message}`.trim());
      }
      if (problems.length === 0) {
        if (status !== c.expected.status) problems.push(`status ${status}, README shows ${c.expected.status}`);
        const headers = readFileSync(join(work, 'headers'), 'utf8');
        for (const [name, value] of Object.entries(c.expected.headers)) {
          const found = headers.split(/\r?\n/).find((h) => h.toLowerCase().startsWith(`${name}:`));
          if (found?.slice(name.length + 1).trim() !== value) problems.push(`header ${name}: ${found ?? 'absent'}`);
        }
        if (c.expected.body !== undefined) {
          const text = readFileSync(join(work, 'body'), 'utf8');
          let body;
          try {
            body = JSON.parse(text);
          } catch {
            problems.push(`body is not JSON: ${text.slice(0, 200)}`);
          }
          const difference = body === undefined ? null : mismatch(c.expected.body, body);
          if (difference) problems.push(`body differs at ${difference}: ${text.slice(0, 300)}`);
        }
      }
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${c.where} ${c.line}`);
      problems.forEach((p) => console.log(`       ${p}`));
      failures += problems.length ? 1 : 0;
    }
    if (group === 'open') failures += checkAddresses(port);
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
  return failures;
}

/** Every http://localhost:8080/ address in README.md answers 200, redirects followed. */
function checkAddresses(port) {
  const found = readFileSync(readme, 'utf8').match(/http:\/\/localhost:8080\/[^\s)>\]`"']*/g) ?? [];
  const addresses = [...new Set(found.map((address) => address.replace(/[.,;:]+$/, '')))];
  let failures = 0;
  for (const address of addresses) {
    const url = address.replace(README_PORT, `localhost:${port}`);
    let status;
    try {
      status = execFileSync('curl', ['-sS', '-L', '-o', '/dev/null', '-w', '%{http_code}', url], {encoding: 'utf8'});
    } catch (error) {
      status = error.message;
    }
    console.log(`${status === '200' ? 'ok  ' : 'FAIL'} README.md ${address} answers ${status}`);
    failures += status === '200' ? 0 : 1;
  }
  return failures;
}

const [command, group, port] = process.argv.slice(2);
try {
  if (command === 'clients') {
    const {settings} = parse();
    if (!settings.some((s) => s.startsWith('CONNECTION_TOKEN_CLIENTS_'))) throw new Error('README.md sets no client');
    settings.forEach((s) => console.log(`export ${s}`));
  } else if (command === 'run' && ['open', 'clients'].includes(group) && /^\d+$/.test(port ?? '')) {
    process.exit(run(group, port) === 0 ? 0 : 1);
  } else {
    console.error('usage: readme-check.mjs clients | run open|clients PORT');
    process.exit(2);
  }
} catch (error) {
  console.log(`FAIL ${error.message}`);
  process.exit(1);
}
