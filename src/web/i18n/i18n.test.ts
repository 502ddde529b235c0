// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './i18n';
import { ja } from './ja';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English has every Japanese key and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...Object.entries(ja), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('both languages use the same placeholders in each message', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('ja', 'home.welcome', { name: '管理 太郎' })).toBe('ようこそ、管理 太郎 さん');
    expect(translate('en', 'common.showing', { total: 33, shown: 25 })).toBe('Showing 25 of 33');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('ja', 'home.welcome')).toBe('ようこそ、{name} さん');
  });
});
