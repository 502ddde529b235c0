// Issue #5 journey: a consultant opens Aちゃん, writes a plan with a weekly schedule, prints it
// (the server's PDF, with the Japanese text in it), posts 入院, and another team member sees
// the alert. Every screen on the way is checked with axe.
import { describe, expect, it } from 'vitest';
import { e2eForFile, pdfTextOf, signInDemo } from './helpers';
import { expectAccessible } from './support';

const e2e = e2eForFile();

describe('client record and care plan', () => {
  it('a consultant writes a plan with a weekly schedule, prints it, posts 入院, and the visiting nurse sees the alert', async () => {
    const { context, page } = await e2e.newPage();

    // The consultant opens Aちゃん from their clients.
    await signInDemo(page, 'consult.suzuki');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ケース記録' }).click();
    await page.getByRole('heading', { level: 1, name: '担当利用者' }).waitFor();
    await expectAccessible(page, 'clients list');
    await page.getByRole('link', { name: '青木 あかり' }).click();
    await page.getByRole('heading', { level: 1, name: /青木 あかり/ }).waitFor();
    await expect.poll(() => page.getByText('38点').first().isVisible()).toBe(true);
    await expectAccessible(page, 'record profile');
    await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '医療' }).click();
    await page.getByRole('table', { name: '判定スコアの内訳' }).waitFor();
    await expectAccessible(page, 'record medical');

    // A new draft version of the plan, from the agreed one.
    await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '計画', exact: true }).click();
    await page.getByRole('button', { name: '新しい版（案）を作成' }).click();
    await page.getByRole('heading', { name: /障害児支援利用計画 第2版/ }).waitFor();
    await page.getByRole('button', { name: '計画（案）を編集' }).click();
    const wishes = page.getByLabel('利用者及びその家族の生活に対する意向');
    await wishes.fill('母: 週4日の就労に戻りたい。本人: 友だちと遊びたい。');
    await page.getByLabel('短期目標').fill('訪問リハビリで座位を安定させる。');
    await expectAccessible(page, 'plan edit form');

    // Someone else saves in between: the save is refused with the server's message and a reload.
    await page.evaluate(async () => {
      const clientId = location.pathname.split('/')[2]!;
      const planId = new URLSearchParams(location.search).get('planId')!;
      const plan = await (await fetch(`/api/clients/${clientId}/plans/${planId}`)).json();
      const { kind, createdOn, startDate, reviewDate, monitoringPeriodMonths, isNewPlan, header, wishes, policy, longTermGoal, shortTermGoal, needs, weekly, version } = plan;
      await fetch(`/api/clients/${clientId}/plans/${planId}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind, createdOn, startDate, reviewDate, monitoringPeriodMonths, isNewPlan, header, wishes, policy: `${policy}（別の人が更新）`, longTermGoal, shortTermGoal, needs, weekly, version }),
      });
    });
    await page.getByRole('button', { name: '計画（案）を保存' }).click();
    await page.getByText('他の人が先に保存しました').waitFor();
    await expectAccessible(page, 'plan version conflict');
    await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await page.getByText(/別の人が更新/).waitFor();
    await page.getByRole('button', { name: '計画（案）を編集' }).click();
    await page.getByLabel('利用者及びその家族の生活に対する意向').fill('母: 週4日の就労に戻りたい。本人: 友だちと遊びたい。');
    await page.getByRole('button', { name: '計画（案）を保存' }).click();
    await page.getByText('計画（案）を保存しました。').waitFor();
    await expect.poll(() => page.getByText('母: 週4日の就労に戻りたい。').first().isVisible()).toBe(true);

    // The weekly schedule, by keyboard-reachable cell buttons: Saturday 10:00, 訪問リハビリ.
    await page.getByRole('button', { name: '土曜 10時台に予定を追加' }).click();
    const dialog = page.getByRole('dialog', { name: '予定を追加' });
    await dialog.getByLabel('終了時刻').fill('11:30');
    await dialog.getByLabel('内容').fill('訪問リハビリ');
    await expectAccessible(page, 'weekly entry dialog');
    await dialog.getByRole('button', { name: '追加' }).click();
    await page.getByRole('button', { name: '週間計画表を保存' }).click();
    await page.getByText('週間計画表を保存しました。').waitFor();
    await expect.poll(() => page.getByRole('table', { name: /週間計画表/ }).getByText('訪問リハビリ').isVisible()).toBe(true);
    await expectAccessible(page, 'plan with weekly schedule');

    // Print: the server renders the plan and the weekly schedule as PDFs with the Japanese text.
    const planHref = await page.getByRole('link', { name: '計画を PDF で開く' }).getAttribute('href');
    const planText = await pdfTextOf(page, planHref!);
    expect(planText).toContain('障害児支援利用計画');
    expect(planText.replace(/\s/g, '')).toContain('週4日の就労に戻りたい');
    const weeklyHref = await page.getByRole('link', { name: '週間計画表を PDF で開く' }).getAttribute('href');
    const weeklyText = await pdfTextOf(page, weeklyHref!);
    expect(weeklyText).toContain('週間計画表');
    expect(weeklyText).toContain('訪問リハビリ');

    // 入院 on the timeline: the whole team is told.
    await page.getByRole('navigation', { name: '記録の項目' }).getByRole('link', { name: '経過記録' }).click();
    await page.getByLabel('種類').selectOption({ label: '入院' });
    await page.getByLabel('件名').fill('呼吸状態の悪化で緊急入院');
    await page.getByLabel('場所・医療機関').fill('かしわ小児医療センター（架空）');
    await page.getByLabel('内容').fill('発熱と呼吸状態の悪化。胃瘻からの注入は中止。1週間ほどの予定。');
    await page.getByRole('button', { name: '投稿してチームに知らせる' }).click();
    await page.getByText(/「入院」を投稿しました。\d+ 人に知らせました。/).waitFor();
    await page.getByRole('heading', { level: 3, name: /呼吸状態の悪化で緊急入院/ }).waitFor();
    await expectAccessible(page, 'timeline');
    // 胃瘻 in the note links to its glossary entry.
    const termLink = page.locator('.timeline').getByRole('link', { name: '胃瘻' });
    expect(await termLink.getAttribute('href')).toMatch(/^\/glossary\/[^/]+$/);
    await termLink.click();
    await page.getByRole('heading', { level: 1, name: '胃瘻' }).waitFor();
    await context.close();

    // The visiting nurse sees the alert on their dashboard and on the record.
    const nurse = await e2e.newPage();
    await signInDemo(nurse.page, 'staff.kango');
    await nurse.page.goto('/plans');
    await nurse.page.getByRole('heading', { level: 1, name: '計画とモニタリングの予定' }).waitFor();
    const alert = nurse.page.getByRole('link', { name: /青木 あかりさん: 入院「呼吸状態の悪化で緊急入院」/ });
    await alert.waitFor();
    await expectAccessible(nurse.page, 'dashboard with alert');
    await alert.click();
    await nurse.page.getByRole('heading', { level: 3, name: /呼吸状態の悪化で緊急入院/ }).waitFor();
    await expectAccessible(nurse.page, 'nurse timeline');
    await nurse.page.getByRole('button', { name: /「青木 あかりさん: 入院「呼吸状態の悪化で緊急入院」」を既読にする/ }).click();
    await expect.poll(() => nurse.page.getByRole('link', { name: /青木 あかりさん: 入院「呼吸状態の悪化で緊急入院」/ }).count()).toBe(0);
    await nurse.context.close();
  });

  it('the 判定スコア calculator explains the score for anyone signed in', async () => {
    const { context, page } = await e2e.newPage({ width: 390, height: 844 });
    await signInDemo(page, 'viewer');
    await page.goto('/care-score');
    await page.getByRole('heading', { level: 1, name: '医療的ケア判定スコア' }).waitFor();
    await page.getByLabel('1. 人工呼吸器の管理').check();
    await page.getByLabel('人工呼吸器の管理の見守り').selectOption({ label: '高' });
    await page.getByRole('button', { name: '計算する' }).click();
    await page.getByRole('table', { name: '判定スコアの内訳' }).waitFor();
    await expect.poll(() => page.getByText('12点').first().isVisible()).toBe(true);
    await expectAccessible(page, 'care score calculator (phone)');
    await context.close();
  });
});
