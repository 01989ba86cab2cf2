// npm run serve:api: the seed's cURL commands and its Node example, with only the base URL
// and the token changed, against the app's API over plain HTTP (relayed into headless
// Chromium); a browser that dies answers 503 with a sentence and is started again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { SHARED_DIR } from '../shared-dir';

const SEED = readFileSync(join(SHARED_DIR, 'seed/ocr-chat-api.pt.txt'), 'utf8');
const require = createRequire(import.meta.url);

/** The seed's example that starts at `first` and ends before `next`. */
function example(first: string, next: string): string {
  const a = SEED.indexOf(first);
  const b = SEED.indexOf(next, a + first.length);
  if (a < 0 || b < 0) throw new Error(`the seed no longer has the example starting "${first}"`);
  return SEED.slice(a, b);
}

/** A two-page born-digital invoice (jsPDF). */
function invoicePdf(): Buffer {
  const { jsPDF } = require('jspdf');
  const doc = new jsPDF();
  doc.text('INVOICE 2024-117', 20, 20);
  doc.text('Total amount due: 1,234.50 EUR, due 31 January 2025.', 20, 40);
  doc.addPage();
  doc.text('Terms: payment within thirty days of the invoice date.', 20, 20);
  return Buffer.from(doc.output('arraybuffer'));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess;
let base = '';
let token = '';
let out = '';
const dir = mkdtempSync(join(tmpdir(), 'ocrchat-serve-api-'));

function curl(args: string[]): string {
  return execFileSync('curl', ['-sS', ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
}

async function waitUp(ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const status = await fetch(`${base}/api/v1/account/`).then((r) => r.status, () => 0);
    if (status !== 0 && status !== 503) return;
    if (Date.now() > until) throw new Error(`serve:api did not come up: last status ${status}\n${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['scripts/serve-api.mjs', '--no-build'], {
    env: { ...process.env, PORT: String(port), OCRCHAT_PROFILE: join(dir, 'profile') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (out += d));
  server.stderr!.on('data', (d) => (out += d));
  await waitUp(120_000);
  token = JSON.parse(curl(['-X', 'POST', `${base}/api/v1/account/`])).token;
  writeFileSync(join(dir, 'invoice.pdf'), invoicePdf());
}, 150_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

const asGiven = (text: string) => text.replaceAll('https://ocr.chat', base).replaceAll('YOUR_API_TOKEN', token);

describe('npm run serve:api', () => {
  it('runs the seed cURL sequence: submit, poll, download, chat', () => {
    // "# 1. Submit … # 2. Poll … # 3. Download": each command as the seed writes it.
    const sequence = asGiven(example('# 1. Submit', 'Parâmetros'));
    const commands = sequence
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n')
      .split(/\n\s*\n/)
      .map((c) => c.replace(/\\\n\s*/g, ' ').trim())
      .filter(Boolean);
    expect(commands).toHaveLength(3);
    const job = JSON.parse(execFileSync('bash', ['-c', commands[0]!.replace(/^curl /, 'curl -sS ')], { cwd: dir, encoding: 'utf8' }));
    expect(job.status).toBe('done');
    expect(job.page_count).toBe(2);
    expect(job.text).toContain('1,234.50');
    const polled = JSON.parse(execFileSync('bash', ['-c', commands[1]!.replace('UUID', job.uuid).replace(/^curl /, 'curl -sS ')], { cwd: dir, encoding: 'utf8' }));
    expect(polled.uuid).toBe(job.uuid);
    execFileSync('bash', ['-c', commands[2]!.replace('UUID', job.uuid).replace(/^curl /, 'curl -sS ')], { cwd: dir });
    expect(readFileSync(join(dir, 'result.md'), 'utf8')).toContain('Total amount due');
    // Chat, as the seed's chat command asks.
    const chat = asGiven(example('curl -X POST https://ocr.chat/api/v1/chat/', 'Devolve')).replace('9f2c1b7e4a...', job.uuid).replace(/\\\n\s*/g, ' ').trim();
    const reply = JSON.parse(execFileSync('bash', ['-c', chat.replace(/^curl /, 'curl -sS ')], { cwd: dir, encoding: 'utf8' }));
    expect(reply.message.content).toContain('1,234.50');
    expect(reply.message.citations[0].page).toBe(1);
    // DOCX and PDF come back as the files they are.
    curl(['-L', `${base}/api/v1/ocr/${job.uuid}/download/?format=pdf`, '-H', `Authorization: Bearer ${token}`, '-o', 'result.pdf']);
    expect(execFileSync('pdftotext', [join(dir, 'result.pdf'), '-'], { encoding: 'utf8' })).toContain('Terms: payment');
  });

  it('runs the seed Node example unchanged but for its base URL and token, two clients at once', async () => {
    const code = asGiven(example('import fs from "fs";', '# 1. Submit'));
    writeFileSync(join(dir, 'client.mjs'), code);
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, ['client.mjs'], { cwd: dir });
        let stdout = '';
        p.stdout.on('data', (d) => (stdout += d));
        p.stderr.on('data', (d) => (stdout += d));
        p.on('exit', (c) => (c === 0 ? resolve(stdout) : reject(new Error(stdout))));
      });
    const [a, b] = await Promise.all([run(), run()]);
    for (const markdown of [a, b]) expect(markdown).toContain('Total amount due');
  });

  it('runs the seed Python example (requests) unchanged but for its base URL and token', () => {
    // A fresh account: the ones above spent most of a free month on the vlm tier.
    token = JSON.parse(curl(['-X', 'POST', `${base}/api/v1/account/`])).token;
    const code = asGiven(example('import requests, time', 'import fs from "fs";'));
    writeFileSync(join(dir, 'client.py'), code);
    const printed = execFileSync('python3', ['client.py'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(printed).toContain('Total amount due');
    expect(execFileSync('unzip', ['-p', join(dir, 'result.docx'), 'word/document.xml'], { encoding: 'utf8' })).toContain('Terms: payment');
  });

  it('refuses a web page of another site with 403, and answers 503 while its browser restarts', async () => {
    const foreign = await fetch(`${base}/api/v1/ocr/`, { method: 'POST', headers: { Origin: 'http://evil.example' }, body: new FormData() });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).detail).toMatch(/another site/);
    // The browser dies: the next requests are told so, and it comes back by itself.
    const children = execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(Number(pid), 'SIGKILL');
    let saw503 = false;
    const until = Date.now() + 90_000;
    for (;;) {
      const res = await fetch(`${base}/api/v1/account/`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
      if (res?.status === 503) {
        saw503 = true;
        expect((await res.json()).detail).toMatch(/restart|starting/);
      } else if (res?.status === 200 && saw503) break;
      if (Date.now() > until) throw new Error(`no 503 then 200 after the browser died\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // The account lives in the browser's profile: the token still works after the restart.
    // (waitUp: on a loaded machine the relay may still be settling after its first 200.)
    await waitUp(30_000);
    expect((await (await fetch(`${base}/api/v1/account/`, { headers: { Authorization: `Bearer ${token}` } })).json()).plan).toBe('free');
  });
});
