// Direct Line traffic for tests/load/soak.sh: each visitor gets a token from the page's endpoint, starts a
// conversation, then asks a few questions, polling for each reply as Web Chat does without a socket, and starts
// over with a new conversation. Prints one JSON line: requests, errors (non-2xx, refused or failed requests),
// replies and missing replies (none within 10 s).
// Usage: node soak-directline.mjs BASE_URL SECONDS [VISITORS=2]
const [base, seconds, visitors = '2'] = process.argv.slice(2);
const until = Date.now() + Number(seconds) * 1000;
const questions = [
  'is there a cure?', 'what is dystonia?', 'what causes dystonia', 'how is dystonia treated', 'is dystonia hereditary',
  'dystonya tretment options', 'hello', 'tell me more', 'how do I bake sourdough bread', 'thanks, that helps',
];
const totals = { requests: 0, errors: 0, replies: 0, missing: 0, statuses: {} };

async function call(method, path, token, body) {
  totals.requests++;
  try {
    const response = await fetch(base + path, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) {
      totals.errors++;
      totals.statuses[response.status] = (totals.statuses[response.status] ?? 0) + 1;
      return null;
    }
    return text ? JSON.parse(text) : {};
  } catch (error) {
    totals.errors++;
    totals.statuses[error.name] = (totals.statuses[error.name] ?? 0) + 1;
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function visitor(number) {
  let turn = number;
  while (Date.now() < until) {
    const visit = await call('POST', '/api/directline/token');
    if (!visit) { await sleep(500); continue; }
    const { token, conversationId, userId } = visit;
    if (!(await call('POST', '/v3/directline/conversations', token))) { continue; }
    let watermark = '';
    for (let asked = 0; asked < 5 && Date.now() < until; asked++, turn++) {
      const posted = await call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
        type: 'message', text: questions[turn % questions.length], from: { id: userId, name: 'Visitor' }, locale: 'en-US',
        channelData: { clientActivityID: `soak-${number}-${turn}` },
      });
      if (!posted) { continue; }
      let replied = false;
      for (const started = Date.now(); !replied && Date.now() - started < 10_000;) {
        const set = await call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, token);
        if (set) {
          watermark = set.watermark ?? watermark;
          replied = set.activities.some((a) => a.type === 'message' && a.replyToId === posted.id);
        }
        if (!replied) { await sleep(100); }
      }
      totals[replied ? 'replies' : 'missing']++;
    }
  }
}

await Promise.all(Array.from({ length: Number(visitors) }, (_, i) => visitor(i)));
console.log(JSON.stringify(totals));
