// Sends uploads from another process, so a test measures the server and not its
// own client: argv[2] is a JSON list of { url, headers, file }; each file (a
// ready multipart body) is streamed from disk, all at once. Prints the answers
// as JSON: [{ status, retryAfter, body }].
import fs from 'node:fs';
import http from 'node:http';

const jobs = JSON.parse(process.argv[2]);
const send = (job) => new Promise((resolve) => {
  const file = fs.createReadStream(job.file);
  const req = http.request(job.url, { method: 'POST', agent: false, headers: { ...job.headers, 'content-length': fs.statSync(job.file).size } }, (res) => {
    // An early answer (a refusal) ends the upload, as browsers and curl do.
    file.unpipe(req);
    file.destroy();
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => { req.destroy(); resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, body: Buffer.concat(chunks).toString('utf8') }); });
  });
  req.on('error', (e) => resolve({ status: 0, retryAfter: null, body: e.message }));
  file.pipe(req);
});
process.stdout.write(JSON.stringify(await Promise.all(jobs.map(send))));
