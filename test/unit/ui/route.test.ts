// Hash routes, and the link a failed job gives to the part of Settings that fixes it.
import { describe, expect, it } from 'vitest';
import { fixFor, parseRoute, settingsHref } from '../../../src/ui/route';

describe('routes', () => {
  it('opens Settings at a section, and at the top for an unknown one', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/models')).toEqual({ name: 'settings', section: 'models' });
    expect(parseRoute('#/settings/languages/')).toEqual({ name: 'settings', section: 'languages' });
    expect(parseRoute('#/settings/nothing-here')).toEqual({ name: 'settings' });
    expect(parseRoute(settingsHref('chat-models'))).toEqual({ name: 'settings', section: 'chat-models' });
  });

  it('a missing model links to Settings → Models; other errors link nowhere', () => {
    expect(fixFor('model_missing')).toEqual({ href: '#/settings/models', label: 'Open Settings → Models' });
    expect(parseRoute(fixFor('model_missing')!.href)).toEqual({ name: 'settings', section: 'models' });
    expect(fixFor('language_missing')?.href).toBe('#/settings/languages');
    expect(fixFor('language_unavailable')?.href).toBe('#/settings/languages');
    // no translator: Chrome's Translator documentation, and Settings → Models for a translation model
    expect(fixFor('translator_missing')?.href).toBe('https://developer.chrome.com/docs/ai/translator-api');
    expect(fixFor('translator_missing')?.also?.href).toBe('#/settings/models');
    expect(fixFor('undecodable_file')).toBeUndefined();
    expect(fixFor(undefined)).toBeUndefined();
  });
});
