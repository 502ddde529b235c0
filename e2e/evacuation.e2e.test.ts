// Issue #7 journey: a consultant edits Aちゃん's 個別避難計画 (ventilator, suction unit, feeding
// pump and a portable power station) and watches the hours the devices run without mains
// power change as they type (modified-sine flagged), with the step-by-step explanation; a
// wrong phone number is refused in Japanese; the plan is saved as a new version. Then the
// 松戸 official runs a 12 h outage, finds her on the list (earliest first), exports the CSV,
// opens and approves her plan, and reads the registers. Every screen is checked with axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRuntime, formatHours } from '../src/shared/domain/power-runtime';
import { expectAccessible, startE2E, type E2E } from './support';
import { CONSULTANT, DEMO_DOMAIN, E2E_ENV, gone, heading, openPage, signIn, signOut, visible } from './helpers';

const OFFICIAL = `official.matsudo@${DEMO_DOMAIN}`;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E(E2E_ENV);
});
afterAll(async () => {
  await e2e?.close();
});

const figure = (page: Page) => page.getByTestId('runtime-hours');
async function figureIs(page: Page, hours: number) {
  await expect.poll(() => figure(page).innerText()).toBe(`約 ${formatHours(hours)}`);
}

// Aちゃん's devices as the demo has them (the feeding pump entered again by the consultant, so
// last), with the ventilator's external batteries away for service.
const devices = [
  { kind: 'ventilator', label: '人工呼吸器（NPPV）', essential: true, watts: 60, hoursPerDay: 24, internalBattery: { wh: null, hours: 6, ageYears: 2 }, externalBatteries: { count: 0, whEach: 240, hoursEach: null, ageYears: 1 } },
  { kind: 'suction', label: '', essential: true, watts: 80, hoursPerDay: 2, internalBattery: { wh: null, hours: 1.5, ageYears: 2 } },
  { kind: 'pulse_oximeter', label: '', essential: false, watts: 2, hoursPerDay: 24, internalBattery: { wh: null, hours: 24, ageYears: null } },
  { kind: 'feeding_pump', label: '経腸栄養ポンプ', essential: true, watts: 5, hoursPerDay: 24, internalBattery: { wh: null, hours: 8, ageYears: 1 } },
] as const;
const station = (pureSine: boolean) => ({ kind: 'portable_power', label: '', capacityWh: 500, ratedWatts: 300, ratedVA: null, pureSine, ageYears: 3, fuelHours: null, note: '' }) as const;
const hoursWith = (pureSine: boolean) => computeRuntime({ devices: devices as never, backups: [station(pureSine)] as never }).runtimeHours!;

describe('個別避難計画 and the outage simulation', () => {
  it('the consultant edits Aちゃん’s plan and sees the runtime; the 松戸 official finds her in a 12 h outage and approves', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      // The area's front page points to the client records.
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '防災', exact: true }).click();
      await heading(page, '防災');
      await visible(page.getByRole('heading', { level: 2, name: '個別避難計画をつくる' }));
      await expectAccessible(page, 'evacuation home (consultant)');

      await page.getByRole('link', { name: '利用者の一覧へ' }).click();
      await heading(page, '担当利用者');
      await page.getByRole('link', { name: '青木 あかり' }).click();
      await page.getByRole('heading', { level: 1, name: /青木 あかり/ }).waitFor();
      await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '個別避難計画' }).click();
      await visible(page.getByRole('heading', { level: 2, name: '停電時に医療機器が動く時間' }));
      // The demo's approved plan: 22.6 h (docs/evacuation.md, worked example).
      await expect.poll(() => figure(page).innerText()).toBe('約 22.6時間');
      await visible(page.getByText('承認済み', { exact: true }));
      await visible(page.getByRole('group', { name: '機器 1: 人工呼吸器（NPPV）' }));
      await visible(page.getByRole('group', { name: '機器 2: 吸引器' }));
      await visible(page.getByRole('group', { name: '機器 3: 経腸栄養ポンプ' }));
      await expectAccessible(page, 'plan (approved, consultant)');

      // She fills a device in herself: the feeding pump, entered anew (kind, name, draw, battery
      // hours and age), brings the figure back to what the record gave.
      await page.getByRole('button', { name: '機器 3（経腸栄養ポンプ）を削除' }).click();
      await gone(page.getByRole('group', { name: '機器 4: パルスオキシメーター' }));
      await page.getByRole('button', { name: '機器を追加' }).click();
      await page.getByRole('group', { name: /^機器 4: / }).getByLabel('機器の種類').selectOption('feeding_pump');
      const pump = page.getByRole('group', { name: '機器 4: 経管栄養ポンプ' });
      await pump.getByLabel('機器の名前').fill('経腸栄養ポンプ');
      const pumpNamed = page.getByRole('group', { name: '機器 4: 経腸栄養ポンプ' });
      await pumpNamed.getByLabel('消費電力（W）').fill('5');
      await pumpNamed.getByLabel('内部バッテリーの稼働時間（時間）').fill('8');
      await pumpNamed.getByLabel('内部バッテリーの使用年数（年）').fill('1');
      await expect.poll(() => figure(page).innerText()).toBe('約 22.6時間');

      // The external ventilator batteries go for service: the runtime follows as typed.
      await page.getByRole('group', { name: '機器 1: 人工呼吸器（NPPV）' }).getByLabel('外部バッテリーの個数（個）').fill('0');
      // The 1,000 Wh station is replaced by a smaller, older one, first entered as modified sine.
      await page.getByRole('button', { name: '予備電源 1（ポータブル電源 1,000Wh（正弦波））を削除' }).click();
      await page.getByRole('button', { name: '予備電源を追加' }).click();
      const added = page.getByRole('group', { name: '予備電源 1: ポータブル電源' });
      await added.getByLabel('容量（Wh）').fill('500');
      await added.getByLabel('定格出力（W）').fill('300');
      await added.getByLabel('使用年数（年）').fill('3');
      await added.getByLabel('出力の波形').selectOption('modified');
      await figureIs(page, hoursWith(false));
      await visible(page.getByText('矩形波（修正正弦波）のため医療機器には使えません'));
      await visible(page.getByText('入力中の内容で計算しています（まだ保存していません）。'));
      await added.getByLabel('出力の波形').selectOption('pure');
      await figureIs(page, hoursWith(true));
      expect(hoursWith(true)).toBeLessThan(12);
      await visible(page.getByRole('heading', { level: 3, name: '時間を延ばすには' }));
      await visible(page.getByText(/人工呼吸器（NPPV）の予備バッテリー.*を1個追加すると/));
      await page.getByText('計算のしかた（手順と前提）').click();
      await visible(page.getByText(/インバーター/).first());
      await expectAccessible(page, 'plan being edited, runtime live');

      // A wrong phone number is refused in Japanese, nothing saved.
      const supporter = page.getByRole('group', { name: '支援者 1' });
      await supporter.getByLabel('電話番号').fill('まゆみの携帯');
      await page.getByRole('button', { name: '保存する（新しい版）' }).click();
      await visible(page.getByRole('alert').filter({ hasText: '電話番号は数字とハイフンで入力してください' }));
      await expectAccessible(page, 'plan with a refused save');
      await supporter.getByLabel('電話番号').fill('090-0000-1111');
      await page.getByLabel('変更の内容（履歴に残ります）').fill('外部バッテリー修理中。ポータブル電源を 500Wh に。');
      await page.getByRole('button', { name: '保存する（新しい版）' }).click();
      await visible(page.getByText(/保存しました（第\d+版）。/));
      await figureIs(page, hoursWith(true));
      await visible(page.getByText('作成中', { exact: true }));
      await visible(page.getByText('外部バッテリー修理中。ポータブル電源を 500Wh に。', { exact: false }));
      await expectAccessible(page, 'plan saved');
      await signOut(page);

      // The 松戸 official: a 12 h outage for 松戸.
      await signIn(page, OFFICIAL);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '防災', exact: true }).click();
      await heading(page, '防災');
      await expectAccessible(page, 'evacuation home (official)');
      await page.getByRole('link', { name: '停電シミュレーション' }).click();
      await heading(page, '停電シミュレーション');
      await page.getByRole('radio', { name: '12 時間' }).check();
      await page.getByRole('button', { name: 'シミュレーションする' }).click();
      const table = page.getByRole('table', { name: '止まるのが早い順' });
      await visible(table);
      const akari = table.getByRole('row').filter({ hasText: '青木 あかり' });
      await visible(akari);
      expect(await akari.innerText()).toContain(formatHours(hoursWith(true)));
      // Earliest first: 森 ゆうと (≈ 4 h) before Aちゃん.
      const names = await table.getByRole('rowheader').allInnerTexts();
      const mori = names.findIndex((n) => n.includes('森 ゆうと'));
      const aoki = names.findIndex((n) => n.includes('青木 あかり'));
      expect(mori).toBeGreaterThanOrEqual(0);
      expect(mori).toBeLessThan(aoki);
      await expectAccessible(page, 'simulation 12 h');

      // CSV for the disaster response.
      const csvHref = await page.getByRole('link', { name: 'CSV で出力' }).getAttribute('href');
      const csv = await page.evaluate(async (url) => {
        const res = await fetch(url!, { credentials: 'same-origin' });
        return { status: res.status, text: await res.text() };
      }, csvHref);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('青木 あかり');

      // Her plan, read-only for the city, approved with a confirmation.
      await akari.getByRole('link', { name: '青木 あかり' }).click();
      await heading(page, '青木 あかり さんの個別避難計画');
      await visible(page.getByText('閲覧のみです。', { exact: false }));
      await expectAccessible(page, 'plan (city view)');
      await page.getByRole('button', { name: /第\d+版を承認する/ }).click();
      const dialog = page.getByRole('alertdialog', { name: '個別避難計画の承認' });
      await visible(dialog);
      await expectAccessible(page, 'approval dialog');
      await dialog.getByRole('button', { name: '承認する', exact: true }).click();
      await visible(page.getByText('承認しました。', { exact: false }));

      // The registers: the share with an approved plan, and her status.
      await page.getByRole('link', { name: '避難行動要支援者の名簿と計画の状態' }).click();
      await heading(page, '避難行動要支援者の名簿と計画の状態');
      await visible(page.getByText('個別避難計画の作成率', { exact: false }));
      const row = page.getByRole('row').filter({ hasText: '青木 あかり' });
      await visible(row);
      expect(await row.innerText()).toContain('承認済み');
      await expectAccessible(page, 'registers');
    } finally {
      await context.close();
    }
  }, 400_000);

  it('on a phone, a save over someone else’s newer version is refused with the Japanese 409 and the latest can be loaded', async () => {
    const { context, page } = await openPage(e2e, { width: 390, height: 844 });
    try {
      await signIn(page, CONSULTANT);
      await page.goto('/clients');
      await heading(page, '担当利用者');
      await page.getByRole('link', { name: '森 ゆうと' }).click();
      await page.getByRole('heading', { level: 1, name: /森 ゆうと/ }).waitFor();
      await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '個別避難計画' }).click();
      await visible(page.getByRole('heading', { level: 2, name: '停電時に医療機器が動く時間' }));
      await expectAccessible(page, 'plan at phone width');
      const clientId = new URL(page.url()).pathname.split('/')[2]!;

      // Someone else (another tab) saves first.
      const other = await page.evaluate(async (id) => {
        const url = `/api/clients/${id}/evacuation-plan`;
        const plan = (await (await fetch(url, { credentials: 'same-origin' })).json()) as { version: number; body: Record<string, unknown> };
        const res = await fetch(url, { method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...plan.body, notes: '別の画面で保存', version: plan.version }) });
        return res.status;
      }, clientId);
      expect(other).toBe(200);

      await page.getByLabel('その他の留意事項').last().fill('この画面での変更');
      await page.getByRole('button', { name: '保存する（新しい版）' }).click();
      const conflict = page.getByRole('alert').filter({ hasText: '他の人が先に保存しました' });
      await visible(conflict);
      await expectAccessible(page, 'plan with a version conflict');
      await conflict.getByRole('button', { name: '最新の内容を読み込む' }).click();
      await expect.poll(() => page.getByLabel('その他の留意事項').last().inputValue()).toBe('別の画面で保存');
    } finally {
      await context.close();
    }
  }, 200_000);

  it('the consultant records the guardian’s consent to the fire department (refused in Japanese until complete) and revokes it', async () => {
    const { context, page } = await openPage(e2e);
    try {
      await signIn(page, CONSULTANT);
      await page.goto('/clients');
      await heading(page, '担当利用者');
      await page.getByRole('link', { name: '森 ゆうと' }).click();
      await page.getByRole('heading', { level: 1, name: /森 ゆうと/ }).waitFor();
      await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '個別避難計画' }).click();
      await visible(page.getByRole('heading', { level: 2, name: '計画の提供先（保護者の同意）' }));
      await page.getByRole('button', { name: '提供先への同意を記録' }).click();
      const dialog = page.getByRole('dialog', { name: '提供先への同意を記録' });
      await visible(dialog);
      await dialog.getByLabel('提供先の種類').selectOption('fire');
      // Defaults for the fire department: no power-company registration, no notes.
      expect(await dialog.getByRole('checkbox', { name: '医療機器と電源' }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: '電力会社への事前登録' }).isChecked()).toBe(false);
      await dialog.getByRole('button', { name: '同意を記録する' }).click();
      await visible(dialog.getByRole('alert'));
      await expectAccessible(page, 'consent dialog with errors');
      await dialog.getByLabel('提供先の名称').fill('松戸市消防局（e2e）');
      await dialog.getByLabel('同意した人', { exact: true }).fill('森 さやか');
      await dialog.getByLabel('同意した人の続柄').fill('母');
      await dialog.getByLabel('同意書（文書名・保管場所）').fill('個別避難計画 提供同意書（相談室）');
      await dialog.getByRole('button', { name: '同意を記録する' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const item = page.getByRole('listitem').filter({ hasText: '松戸市消防局（e2e）' });
      await visible(item);
      await expectAccessible(page, 'consent recorded');
      await item.getByRole('button', { name: '松戸市消防局（e2e） への同意を撤回' }).click();
      const confirm = page.getByRole('alertdialog', { name: '提供先への同意の撤回' });
      await confirm.getByLabel('撤回の理由').fill('家族の希望');
      await confirm.getByRole('button', { name: '撤回する', exact: true }).click();
      await visible(item.getByText('撤回・期限切れ'));
    } finally {
      await context.close();
    }
  }, 200_000);
});

