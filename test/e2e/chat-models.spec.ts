// Chat models in Settings: the list with sizes, no download without WebGPU (chat uses the
// extractive answerer), and a model host that lacks the model failing at once with a
// message that names the host, without a request leaving the app's origin.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, screenshotPath, useBrowser, type Session } from './browser';
import { CHAT_MODELS } from '../../src/models/chat';

/** Chromium's software WebGPU adapter (SwiftShader), as in vlm.spec.ts. */
const SOFTWARE_WEBGPU = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'];

const hasAdapter = (page: Page) =>
  page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));

async function openModels(s: Session): Promise<Page> {
  const page = await s.open('/#/settings');
  await page.getByTestId('chat-models').waitFor();
  return page;
}

describe('chat models without WebGPU', () => {
  const s = useBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await openModels(s);
  });

  it('lists every model with its download size and GPU memory', async () => {
    expect(await hasAdapter(page)).toBe(false); // the premise: headless Chromium gives no adapter unless asked
    for (const m of CHAT_MODELS) {
      const row = page.getByTestId(`chat-model-${m.id}`);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(m.label);
      expect(text).toMatch(/\d+(\.\d)? (MB|GB) download · \d+(\.\d)? (MB|GB) GPU memory/);
    }
    expect(await page.getByTestId('chat-model-size').first().textContent()).toContain('280 MB download');
    expect(await page.getByTestId('model-host-now').textContent()).toContain('public model hub');
    await page.getByTestId('chat-models').screenshot({ path: screenshotPath('chat-models') });
  });

  it('disables every download and explains that chat uses the extractive answerer', async () => {
    const note = page.getByTestId('chat-models-no-webgpu');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/no WebGPU adapter.*extractive\s+answerer/s);
    for (const m of CHAT_MODELS) expect(await page.getByTestId(`download-model-${m.id}`).isDisabled()).toBe(true);
    expect(await page.locator('input[name="chat-answerer"][value=""]').isChecked()).toBe(true);
  });
});

describe('chat models with a software WebGPU adapter', () => {
  const s = useBrowser({ args: SOFTWARE_WEBGPU, allowForeign: true });
  let page: Page;
  beforeAll(async () => {
    page = await openModels(s);
  });

  it('fails fast, naming the host, when a self-hosted folder lacks the model; nothing leaves the origin', async () => {
    expect(await hasAdapter(page)).toBe(true);
    await page.getByTestId('chat-models-software-gpu').waitFor();
    const host = `${baseUrl()}/no-models-here/`;
    await page.getByTestId('model-host').fill(host);
    await page.getByTestId('save-model-host').click();
    const hostName = new URL(host).host + '/no-models-here';
    await page.waitForFunction((h) => document.querySelector('[data-testid="model-host-now"]')?.textContent?.includes(h), hostName);
    expect(await page.evaluate(() => localStorage.getItem('ocrchat.modelHost'))).toBe(host);

    // SwiftShader has no 16-bit shaders: the q4f16 builds are off, the 32-bit ones on.
    const f32 = CHAT_MODELS.find((m) => !m.needsF16)!;
    const f16 = CHAT_MODELS.find((m) => m.needsF16)!;
    expect(await page.getByTestId(`download-model-${f16.id}`).isDisabled()).toBe(true);
    const button = page.getByTestId(`download-model-${f32.id}`);
    expect(await button.isDisabled()).toBe(false);

    const asked: string[] = [];
    s.context.on('request', (r) => asked.push(r.url()));
    const t0 = Date.now();
    await button.click();
    const error = page.getByTestId(`chat-model-${f32.id}`).getByTestId('model-error');
    await error.waitFor({ timeout: 20_000 });
    const ms = Date.now() - t0;
    const message = (await error.textContent()) ?? '';
    expect(message).toContain(`The model host ${hostName} has no ${f32.id}`);
    expect(message).toContain('mlc-chat-config.json');
    expect(ms).toBeLessThan(10_000);
    // The check went to the self-hosted folder on the app's origin, and nowhere else.
    expect(asked.some((u) => u.startsWith(`${host}${f32.id}/resolve/main/mlc-chat-config.json`))).toBe(true);
    expect(s.foreignRequests).toEqual([]);
    // Nothing half-downloaded is taken for a model: the button is back, the answerer unchanged.
    expect(await button.isDisabled()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('ocrchat.chatModel'))).toBeNull();
    await page.getByTestId('chat-models').screenshot({ path: screenshotPath('chat-models-host-error') });
  });
});
