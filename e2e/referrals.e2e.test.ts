// Issue #4 journey: a coordinator takes in Aちゃん's case (4 years old, ventilator, frequent
// suction and inhalation, tube feeding by pump…), picks a with_backup consultant with a
// coordinator behind her, the consultant accepts from her inbox, and the dashboard shows it.
// Every screen on the way is checked with axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, signIn } from './helpers';
import { expectAccessible, startE2E, type E2E } from './support';

let e2e: E2E;
const SCREENSHOTS = process.env.E2E_SCREENSHOTS; // a directory, to look at the pages
// Pages load their chunks and data on demand; give each expectation time on a busy machine.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

async function shot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe('intake, explained matching and closed-loop referral', () => {
  it('a coordinator refers Aちゃん to a with_backup consultant, who accepts; the dashboard shows it', async () => {
    // ── 1. The coordinator records the case ─────────────────────────────────────────────
    const coordinator = await e2e.newPage();
    const page = coordinator.page;
    await signIn(page, demoEmail('coord.sato'), { redirect: '/cases/new' });
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('新しいケースの受付');

    const section = page.getByRole('region', { name: 'ケースの内容' });
    await section.getByLabel('市区町村').selectOption({ label: '松戸市' });
    await section.getByLabel('年齢', { exact: true }).fill('4');
    // 人工呼吸器, frequent suction and inhalation, tube feeding by pump — each with its 見守り.
    await section.getByLabel('人工呼吸器の管理', { exact: true }).check();
    await section.getByLabel('吸引（口鼻腔・気管内）', { exact: true }).check();
    await section.getByLabel('吸引（口鼻腔・気管内）のメモ').fill('乾燥による痰詰まりで頻回');
    await section.getByLabel('ネブライザーの管理', { exact: true }).check();
    await section.getByLabel('ネブライザーの管理のメモ').fill('吸入も頻回');
    await section.getByLabel('経管栄養', { exact: true }).check();
    await section.getByLabel('経管栄養（持続経管注入ポンプ使用）', { exact: true }).check();
    await section.getByLabel('経管栄養（持続経管注入ポンプ使用）のメモ').fill('ポンプで1回2時間');
    // The 判定スコア follows the choices: 12 + 9 + 3 + 10 + 4 = 38 (32点以上).
    await poll(() => page.locator('.care-score__total').textContent()).toContain('38点（32点以上）');

    await section.getByLabel('障害児相談支援', { exact: true }).check();
    await section.getByLabel('児童発達支援', { exact: true }).check();
    await section.getByLabel('児童発達支援の内容・頻度').fill('週3回（継続）');
    await section.getByLabel('早めに（1か月以内）').check();
    await section.getByLabel('土日の連絡を希望').check();
    await section.getByRole('group', { name: '相談員の性別の希望' }).getByLabel('女性').check();
    await section.getByLabel('状況の概要').fill('4歳。骨折のリスクが高い。母の職場復帰に向けて支援体制を組みたい。妹がもうすぐ2歳。');
    await section.getByLabel('依頼元', { exact: true }).selectOption({ label: '訪問看護' });
    // The guardian's consent: who may see what, when and how.
    await page.getByLabel('同意した人（続柄）').fill('母');
    await page.getByLabel('書面').check();
    await page.getByLabel('候補の相談支援専門員').check();
    const items = page.getByRole('group', { name: '共有してよい項目' });
    for (const item of ['年齢層', '市区町村', '医療的ケアの内容', '希望するサービス', '緊急度', '家族の希望']) await items.getByLabel(item).check();
    // The identifying half, marked as hidden from candidates.
    const identity = page.getByRole('region', { name: /本人を特定する情報/ });
    await poll(() => identity.textContent()).toContain('候補者には表示されません');
    await identity.getByLabel('氏名', { exact: true }).fill('E2E Aちゃん');
    await identity.getByLabel('氏名（よみ）').fill('いーつーいー あかり');
    // Four years old today (the intake requires the birth date: the record's life stage and
    // monitoring dates are computed from it).
    const birth = new Date();
    birth.setFullYear(birth.getFullYear() - 4, birth.getMonth(), Math.min(birth.getDate(), 28));
    await identity.getByLabel('生年月日').fill(birth.toISOString().slice(0, 10));
    await identity.getByLabel('住所').fill('松戸市（架空）');
    await expectAccessible(page, 'intake form');
    await shot(page, '1-intake');
    await page.getByRole('button', { name: '受け付ける' }).click();
    // The form itself lives at /cases/new: wait for the case's own address, not that one.
    await page.waitForURL((u) => /^\/cases\/[^/]+$/.test(u.pathname) && u.pathname !== '/cases/new');
    const caseId = new URL(page.url()).pathname.split('/').pop()!;

    // ── 2. Candidates ranked with reasons; offer to 高橋 (with_backup) with 佐藤 as backup ──
    const candidates = page.getByRole('region', { name: '候補の相談支援専門員' });
    const takahashi = candidates.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /高橋 あや/ }) });
    await poll(() => takahashi.count()).toBe(1);
    await poll(() => takahashi.textContent()).toContain('コーディネーターの支援があれば引き受け可');
    await poll(() => takahashi.textContent()).toContain('後方支援: 佐藤 みのり（コーディネーター）');
    // Reasons are told in words (満たす / 満たさない…), not by colour alone.
    await poll(() => takahashi.textContent()).toMatch(/満たす|一部|満たさない/);
    await expectAccessible(page, 'case page with candidates');
    await shot(page, '2-candidates');
    await takahashi.getByLabel('高橋 あや さんに打診する').check();
    await page.getByRole('button', { name: '選んだ 1 人に打診する' }).click();
    const sendDialog = page.getByRole('dialog', { name: '打診の送信' });
    await sendDialog.getByLabel('候補者へのメッセージ').fill('呼吸器のお子さんです。佐藤が後方支援に入ります。');
    await expectAccessible(page, 'send offer dialog');
    await sendDialog.getByRole('button', { name: '打診を送信する' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '高橋 あや さんに打診を送信しました' }).count()).toBe(1);
    const offers = page.getByRole('region', { name: '打診の履歴' });
    await poll(() => offers.textContent()).toContain('高橋 あや さんへの打診');

    // ── 3. The consultant finds the offer in her inbox, sees only consented items, accepts ──
    const consultant = await e2e.newPage();
    const cpage = consultant.page;
    await signIn(cpage, demoEmail('consult.takahashi'), { redirect: '/cases' });
    const inbox = cpage.getByRole('region', { name: '自分宛ての打診（同意の範囲の情報のみ）' });
    const link = inbox.locator(`a[href="/cases/${caseId}"]`);
    await cpage.getByRole('heading', { name: '自分宛ての打診' }).waitFor();
    await shot(cpage, '3a-consultant-dashboard');
    await poll(() => link.count()).toBe(1);
    await expectAccessible(cpage, 'consultant dashboard');
    await link.click();
    await cpage.waitForURL(`**/cases/${caseId}`);
    await poll(() => cpage.getByText('保護者が同意した範囲の情報のみ表示しています').count()).toBe(1);
    await poll(() => cpage.locator('main').textContent()).toContain('3〜5歳（未就学）');
    expect(await cpage.locator('main').textContent()).not.toContain('E2E Aちゃん');
    expect(await cpage.locator('main').textContent()).not.toContain('骨折のリスク'); // summary not consented
    await expectAccessible(cpage, 'candidate limited view');
    await shot(cpage, '3-limited');
    // The decline form asks for a reason from the list before anything is sent; she cancels.
    await cpage.getByRole('region', { name: 'あなたへの打診' }).getByRole('button', { name: '辞退する' }).click();
    const declineDialog = cpage.getByRole('dialog', { name: '打診の辞退' });
    await declineDialog.getByRole('button', { name: '辞退する' }).click();
    await declineDialog.getByRole('link', { name: /辞退の理由を一覧から選んでください/ }).waitFor();
    await declineDialog.getByRole('button', { name: 'キャンセル' }).click();
    await poll(() => declineDialog.count()).toBe(0);
    await cpage.getByRole('region', { name: 'あなたへの打診' }).getByRole('button', { name: '受諾する' }).click();
    const acceptDialog = cpage.getByRole('alertdialog', { name: '打診の受諾' });
    await acceptDialog.getByRole('button', { name: '受諾する' }).click();
    await poll(() => cpage.getByText('受諾しました。このケースの担当に決まりました。').count()).toBe(1);
    // Now assigned: the full case, identity included.
    await poll(() => cpage.locator('main').textContent()).toContain('E2E Aちゃん');
    await poll(() => cpage.getByText('担当: 高橋 あや さん').count()).toBe(1);

    // ── 4. The coordinator's dashboard shows it assigned, with her backup requested ─────────
    await page.goto('/cases');
    const list = page.getByRole('region', { name: '紹介依頼の一覧（氏名は表示しません）' });
    const row = list.getByRole('row').filter({ has: page.locator(`a[href="/cases/${caseId}"]`) });
    await poll(() => row.textContent()).toContain('担当決定');
    await poll(() => row.textContent()).toContain('高橋 あや');
    const backups = page.getByRole('region', { name: '自分に関わる後方支援と、地域への依頼' });
    const backupRow = backups.getByRole('row').filter({ has: page.locator(`a[href="/cases/${caseId}"]`) });
    await poll(() => backupRow.textContent()).toContain('依頼中');
    await expectAccessible(page, 'coordinator dashboard');
    await shot(page, '4-dashboard');

    // The coordinator takes the backup on from the case page.
    await backupRow.getByRole('link').click();
    await page.waitForURL(`**/cases/${caseId}`);
    await page.getByRole('button', { name: '後方支援を引き受ける' }).click();
    const backupSection = page.getByRole('region', { name: 'コーディネーターの後方支援' });
    await poll(() => backupSection.textContent()).toContain('引き受け済み');
    await poll(() => page.getByRole('region', { name: '打診の履歴' }).textContent()).toContain('受諾');
    await expectAccessible(page, 'assigned case');
    await shot(page, '5-assigned');

    // The statistics count the acceptance (table always, chart loaded on demand).
    await page.goto('/cases/stats');
    await poll(() => page.getByRole('region', { name: '期間の合計' }).textContent()).toMatch(/受諾\d+ 件/);
    await poll(() => page.locator('.stats-chart svg').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'statistics');
    await shot(page, '6-stats');

    // ── 5. The consultant records the hand-over as complete, then ends the backup ───────────
    await cpage.goto(`/cases/${caseId}`);
    const myOffers = cpage.getByRole('region', { name: '打診の履歴' });
    await myOffers.getByRole('button', { name: '引き継ぎ完了を記録する' }).click();
    const completeDialog = cpage.getByRole('alertdialog', { name: '引き継ぎ完了の記録' });
    await completeDialog.getByLabel('メモ（任意）').fill('初回面談を終え、計画相談の契約を結びました。');
    await expectAccessible(cpage, 'complete hand-over dialog');
    await completeDialog.getByRole('button', { name: '完了を記録する' }).click();
    await poll(() => cpage.getByRole('status').filter({ hasText: '引き継ぎ完了を記録しました。' }).count()).toBe(1);
    await poll(() => myOffers.getByText('初回面談を終え、計画相談の契約を結びました。').count()).toBe(1);
    await poll(() => myOffers.getByRole('button', { name: '引き継ぎ完了を記録する' }).count()).toBe(0);

    const myBackup = cpage.getByRole('region', { name: 'コーディネーターの後方支援' });
    await poll(() => myBackup.textContent()).toContain('引き受け済み');
    await myBackup.getByRole('button', { name: '後方支援を終了する' }).click();
    const endDialog = cpage.getByRole('alertdialog', { name: '後方支援の終了' });
    await poll(() => endDialog.textContent()).toContain('元に戻せません');
    await expectAccessible(cpage, 'end backup dialog');
    await endDialog.getByRole('button', { name: '終了する' }).click();
    await poll(() => cpage.getByRole('status').filter({ hasText: '後方支援を終了しました。' }).count()).toBe(1);
    await poll(() => myBackup.textContent()).not.toContain('引き受け済み');
    expect(await myBackup.textContent()).toContain('終了');
    await shot(cpage, '5b-completed');

    await coordinator.context.close();
    await consultant.context.close();
  }, 300_000); // the whole journey, two browsers, on a shared machine

  it('a coordinator refers a case to a ranked directory service whose staff accept (consent-limited), corrects the intake, then closes the case', async () => {
    const { page, context } = await e2e.newPage();
    await signIn(page, demoEmail('coord.sato'), { redirect: '/cases' });
    // A fresh case through the API (the intake form is covered above), as the signed-in coordinator.
    const caseId = await page.evaluate(async () => {
      const res = await fetch('/api/referrals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          municipalityCode: '12207',
          ageYears: 3,
          careItems: [
            { code: 'suction', monitoring: 'high' },
            { code: 'tube_feeding', monitoring: 'high' },
          ],
          servicesWanted: [{ serviceType: '63', note: '週2回' }],
          urgency: 'normal',
          wishes: { weekendContact: true },
          summary: 'E2E 編集前の概要',
          source: 'city',
          consent: { obtainedOn: '2026-05-01', method: 'verbal', givenBy: '父', shareWith: ['consultant_candidates', 'service_providers'], items: ['age', 'municipality', 'care_items', 'services_wanted'] },
          identity: { name: 'E2E しゅうせい', nameKana: 'いーつーいー しゅうせい', birthDate: '2023-01-15' },
        }),
      });
      return ((await res.json()) as { id: string }).id;
    });
    await page.goto(`/cases/${caseId}`);

    // Directory services for 児童発達支援, ranked with reasons, beside the consultant candidates.
    const services = page.getByRole('region', { name: '希望するサービスの候補（地域資源）' });
    await poll(() => services.getByRole('heading', { name: /児童発達支援（近隣 \d+ 件中、対象 \d+ 件）/ }).count()).toBe(1);
    await poll(() => services.getByRole('listitem').filter({ has: page.locator('.reason') }).count()).toBeGreaterThan(0);
    await poll(() => services.textContent()).toMatch(/吸引(・経管栄養)?に対応|吸引.*は条件付き/);
    await poll(() => services.textContent()).toMatch(/空き \d/);
    expect(await page.getByRole('region', { name: '候補の相談支援専門員' }).count()).toBe(1);
    await expectAccessible(page, 'case page with service candidates');
    await shot(page, '9-services');

    // Refer the case to a ranked 児童発達支援 (事業所への紹介); its staff answer it.
    const OFFICE = '重症児デイつばさ柏';
    await services.getByRole('button', { name: `${OFFICE}に紹介する` }).click();
    const referDialog = page.getByRole('alertdialog', { name: '事業所への紹介' });
    await poll(() => referDialog.textContent()).toContain('氏名・住所は表示されません');
    await referDialog.getByLabel('事業所へのメッセージ').fill('週2回の利用を希望しています。');
    await expectAccessible(page, 'refer to provider dialog');
    await referDialog.getByRole('button', { name: '紹介する' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: `${OFFICE}に紹介しました。` }).count()).toBe(1);
    const requests = page.getByRole('region', { name: '事業所への紹介', exact: true });
    await poll(() => requests.textContent()).toContain(`${OFFICE}（児童発達支援）`);

    const staff = await e2e.newPage();
    const spage = staff.page;
    await signIn(spage, demoEmail('staff.jihatsu'), { redirect: '/cases' });
    const serviceInbox = spage.getByRole('region', { name: '所属する事業所への紹介（同意の範囲の情報のみ）' });
    const inboxLink = serviceInbox.locator(`a[href="/cases/${caseId}"]`);
    await poll(() => inboxLink.count()).toBe(1);
    await expectAccessible(spage, 'provider dashboard with service inbox');
    await inboxLink.click();
    await spage.waitForURL(`**/cases/${caseId}`);
    const mine = spage.getByRole('region', { name: 'あなたの事業所への紹介' });
    await poll(() => mine.textContent()).toContain('閲覧済み');
    await poll(() => spage.locator('main').textContent()).toContain('3〜5歳（未就学）');
    expect(await spage.locator('main').textContent()).not.toContain('E2E しゅうせい');
    expect(await spage.locator('main').textContent()).not.toContain('E2E 編集前の概要'); // summary not consented
    await expectAccessible(spage, 'provider limited view');
    await shot(spage, '9b-provider');
    await mine.getByRole('button', { name: `${OFFICE}として受け入れる` }).click();
    await spage.getByRole('alertdialog', { name: '紹介の受け入れ' }).getByRole('button', { name: '受け入れる' }).click();
    await poll(() => spage.getByRole('status').filter({ hasText: '受け入れました。' }).count()).toBe(1);
    await poll(() => mine.textContent()).toContain('受諾');
    // The office records the start of use (利用開始) with a note.
    await mine.getByRole('button', { name: `${OFFICE}の利用開始を記録する` }).click();
    const startDialog = spage.getByRole('alertdialog', { name: '利用開始の記録' });
    await startDialog.getByLabel('メモ（任意）').fill('初回利用は来週の火曜日');
    await startDialog.getByRole('button', { name: '完了を記録する' }).click();
    await poll(() => spage.getByRole('status').filter({ hasText: '利用開始を記録しました。' }).count()).toBe(1);
    await poll(() => mine.textContent()).toContain('完了');
    await staff.context.close();
    await page.reload();
    await poll(() => page.getByRole('region', { name: '事業所への紹介', exact: true }).textContent()).toContain('加藤 りょう');

    // Correct the intake: the form comes filled from the case.
    await page.getByRole('link', { name: '受付内容を編集する' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}/edit`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('受付内容の編集');
    const age = page.getByLabel('年齢', { exact: true });
    await poll(() => age.inputValue()).toBe('3');
    await poll(() => page.getByLabel('氏名', { exact: true }).inputValue()).toBe('E2E しゅうせい');
    await age.fill('5');
    await page.getByRole('textbox', { name: '状況の概要' }).fill('E2E 編集後の概要');
    await expectAccessible(page, 'edit intake');
    await shot(page, '10-edit');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('5歳');
    await poll(() => page.getByRole('region', { name: 'ケースの内容' }).textContent()).toContain('E2E 編集後の概要');

    // Close it: the reason is required, then the case is closed and no longer offered.
    const actions = page.getByRole('region', { name: 'ケースの操作' });
    await actions.getByRole('button', { name: 'この紹介依頼を終了する' }).click();
    const closeDialog = page.getByRole('alertdialog', { name: '紹介依頼の終了' });
    await closeDialog.getByRole('button', { name: '終了する' }).click();
    await poll(() => closeDialog.textContent()).toContain('終了の理由: 入力してください');
    await closeDialog.getByLabel('終了の理由').fill('家族が市外へ転居したため');
    await expectAccessible(page, 'close case dialog');
    await closeDialog.getByRole('button', { name: '終了する' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '紹介依頼を終了しました。' }).count()).toBe(1);
    await poll(() => page.locator('main').textContent()).toContain('この紹介依頼は終了しました。理由: 家族が市外へ転居したため');
    expect(await page.getByRole('region', { name: '候補の相談支援専門員' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '受付内容を編集する' }).count()).toBe(0);
    await expectAccessible(page, 'closed case');
    await shot(page, '11-closed');
    await context.close();
  }, 180_000);

  it('the people registry filters with_backup consultants and shows a profile with its caseload', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844 });
    await signIn(page, demoEmail('coord.tanaka'), { redirect: '/people' });
    await page.getByLabel('医療的ケアのケースの引き受け').selectOption({ label: 'コーディネーターの支援があれば引き受けられる' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/accepts=with_backup/);
    const table = page.getByRole('region', { name: /相談支援専門員・コーディネーターの一覧/ });
    await poll(() => table.textContent()).toContain('高橋 あや');
    expect(await table.textContent()).not.toContain('鈴木 健一');
    await expectAccessible(page, 'people registry (390 px)');
    await shot(page, '7-people');
    await table.getByRole('link', { name: '高橋 あや' }).click();
    await page.waitForURL(/\/people\/[^/]+$/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('高橋 あや');
    await poll(() => page.locator('main').textContent()).toMatch(/\d+ \/ 6 件/);
    await expectAccessible(page, 'person page');
    await shot(page, '8-person');
    // A coordinator keeps the registry current: edit and see the change in the history.
    await page.getByRole('link', { name: 'プロフィールを編集' }).click();
    await page.getByLabel('日曜').check();
    await expectAccessible(page, 'profile form');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/people\/[^/]+$/);
    const history = page.getByRole('region', { name: '変更履歴' });
    await poll(() => history.textContent()).toContain('対応できる曜日');
    await poll(() => history.textContent()).toContain('田中 ゆうこ');
    await context.close();
  });
});
