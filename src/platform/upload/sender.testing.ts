// Sends hostile uploads from another process, so a test measures the server and
// not its own client or its own garbage collector: the files are made here, then
// all are sent at once. argv[2]: a JSON list of
// jobs; prints the answers in order as JSON: [{ status, retryAfter, body }].
import http from 'node:http';
import { csvRows, legitTable, type Job, type Made } from './tables.testing.ts';
import { multipartBody } from './upload.testing.ts';
import { xlsxBomb } from './zip.testing.ts';

async function make(what: Made): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const form = (content: Buffer | string) =>
    multipartBody({}, { name: what, content }).then((f) => ({ body: f.payload, headers: f.headers }));
  switch (what) {
    case 'million.csv':
      return form(csvRows(1_000_000, (i) => `1.${i},,Đơn vị ${i},1,1,0,,,,,,,,,`));
    case 'bomb.xlsx':
      return form(await xlsxBomb(600));
    case 'rows.csv':
      return form(csvRows(20_001, (i) => `${i},,,,,,,,,,,,,,`));
    case 'national.csv':
      return form(legitTable(3_500));
    case 'document.json': {
      const text =
        `I- NHIỆM VỤ\n1. Cải cách\n${'- Xây dựng và ban hành Đề án trong quý IV/2026\n'.repeat(45_000)}`.slice(
          0,
          2_000_000,
        );
      return { body: Buffer.from(JSON.stringify({ text })), headers: { 'content-type': 'application/json' } };
    }
  }
}

const keepAlive = new http.Agent({ keepAlive: true });

function send(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; retryAfter: string | null; body: string }> {
  return new Promise((resolve) => {
    // Keep-alive, as browsers send: with `Connection: close` the server rightly closes after its answer, while this still sends.
    const req = http.request(
      url,
      { method: 'POST', agent: keepAlive, headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({
            status: res.statusCode!,
            retryAfter: (res.headers['retry-after'] as string | undefined) ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', (e) => resolve({ status: 0, retryAfter: null, body: e.message }));
    // The whole body, even after an early answer: the server reads a refused upload to its end (intake.ts, discardRest).
    req.end(body);
  });
}

const jobs = JSON.parse(process.argv[2]) as Job[];
const bodies: { body: Buffer; headers: Record<string, string> }[] = [];
for (const job of jobs) bodies.push(await make(job.make));
const answers = await Promise.all(
  jobs.map((job, i) => send(job.url, { ...job.headers, ...bodies[i].headers }, bodies[i].body)),
);
keepAlive.destroy();
process.stdout.write(JSON.stringify(answers));
