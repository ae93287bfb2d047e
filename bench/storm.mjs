// A reconnect storm for bench/run.sh: CALLERS callers (600) arriving evenly over ARRIVAL_SECONDS (10), alternating
// between the service base URLs given as arguments, each POSTing /connection_token with no body until it gets a token:
// after a 503 with Retry-After it sleeps that many seconds and tries again, at most MAX_ATTEMPTS (30) attempts.
// With API_KEY set it sends that key as a bearer token.
//
// Prints one tab-separated line: callers with a token, tokens/s from the first token to the last, p50 and p99 seconds
// from a caller's arrival to its token (retries included), attempts, and the answers seen ("200: 600, 503
// stripe-budget-spent: 1200").
// Usage: node bench/storm.mjs http://127.0.0.1:18610 http://127.0.0.1:18611

const bases = process.argv.slice(2);
const callers = Number(process.env.CALLERS ?? 600);
const arrivalMs = Number(process.env.ARRIVAL_SECONDS ?? 10) * 1000;
const maxAttempts = Number(process.env.MAX_ATTEMPTS ?? 30);
const headers = process.env.API_KEY ? { authorization: `Bearer ${process.env.API_KEY}` } : {};

const answers = new Map();
let attempts = 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function count(answer) {
  answers.set(answer, (answers.get(answer) ?? 0) + 1);
}

// "503 stripe-budget-spent": the status, and for a problem the last segment of its type URI.
function answerOf(status, body) {
  if (status === 200) return '200';
  try {
    const type = JSON.parse(body).type;
    return type ? `${status} ${type.replace(/^.*[:/]/, '')}` : `${status}`;
  } catch {
    return `${status}`;
  }
}

// One caller: resolves to the time it got its token (ms, performance.now()), or null.
async function call(caller, arrival) {
  await sleep(arrival - performance.now());
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    attempts++;
    let response;
    let body;
    try {
      response = await fetch(`${bases[caller % bases.length]}/connection_token`, { method: 'POST', headers });
      body = await response.text();
    } catch (error) {
      count(`failed ${error.cause?.code ?? error.name}`);
      return null;
    }
    count(answerOf(response.status, body));
    if (response.status === 200) return performance.now();
    const retryAfter = response.headers.get('retry-after');
    if (response.status !== 503 || retryAfter === null) return null;
    await sleep(Number(retryAfter) * 1000);
  }
  return null;
}

const start = performance.now() + 100;
const arrivals = Array.from({ length: callers }, (_, caller) => start + (arrivalMs * caller) / callers);
const tokens = await Promise.all(arrivals.map((arrival, caller) => call(caller, arrival)));

const served = tokens.map((at, caller) => ({ at, wait: at - arrivals[caller] })).filter((token) => token.at !== null);
const times = served.map((token) => token.at).sort((a, b) => a - b);
const waits = served.map((token) => token.wait).sort((a, b) => a - b);
// n tokens spread from the first to the last make n - 1 intervals.
const perSecond = times.length > 1 ? ((times.length - 1) * 1000) / (times.at(-1) - times[0]) : 0;
const percentile = (p) => (waits.length ? (waits[Math.floor((waits.length * p) / 100)] / 1000).toFixed(1) : 'n/a');
const seen = [...answers].sort(([a], [b]) => a.localeCompare(b)).map(([answer, n]) => `${answer}: ${n}`);
const figures = [served.length, perSecond.toFixed(1), percentile(50), percentile(99), attempts, seen.join(', ')];
console.log(figures.join('\t'));
