// Issue #6 journey: a coordinator creates a training session, someone outside the network
// registers from the public link on a phone, is checked in, the coordinator sends the survey,
// the participant answers it on the phone, the coordinator sees the chart. Axe on every page.
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar-date.js';
import { tokyoDate } from '../src/shared/dates.js';
import { e2eForFile, signInDemo } from './helpers';
import { expectAccessible } from './support.js';

const PHONE = { width: 390, height: 844 };
const TITLE = 'E2E 医療的ケア児者支援研修会（第三回）';
const PARTICIPANT = { name: '森 こはる', office: '架空訪問看護ステーション', email: 'mori.e2e@example.org' };

const e2e = e2eForFile({});

describe('研修・会議: training session from creation to survey results', () => {
  it('creates, registers publicly, checks in, surveys on a phone and charts the answers', async () => {
    const { page } = await e2e.newPage();
    await signInDemo(page, 'coord.sato');

    // The area's list and calendar.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '研修・会議' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '研修・会議' }).isVisible()).toBe(true);
    await page.getByRole('table', { name: '行事の一覧' }).waitFor();
    await expectAccessible(page, 'events list');
    await page.getByRole('link', { name: 'カレンダー' }).click();
    await page.getByRole('table', { name: /の行事$/ }).waitFor();
    await expectAccessible(page, 'events calendar');

    // Create the training session a month ahead, open to people outside the network.
    const day = addDays(tokyoDate(), 30);
    await page.getByRole('link', { name: '行事を登録' }).click();
    await page.getByRole('heading', { level: 1, name: '行事の登録' }).waitFor();
    await page.getByLabel('名称').fill(TITLE);
    await page.getByLabel('開催日').fill(day);
    await page.getByLabel('開始時刻').fill('13:30');
    await page.getByLabel('終了時刻').fill('16:30');
    await page.getByLabel('会場', { exact: true }).fill('ふれあい22 3F 研修室');
    await page.getByLabel('定員').fill('30');
    await page.getByLabel('ネットワーク外の方も公開リンクから申し込める').check();
    await expectAccessible(page, 'event form');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(page, 'event detail');
    const publicUrl = (await page.locator('#public-link').textContent())!.trim();
    expect(publicUrl).toMatch(/\/public\/events\/[A-Za-z0-9_-]+$/);
    const eventUrl = page.url();

    // Someone outside the network registers on a phone, without signing in.
    const phone = await e2e.newPage(PHONE);
    await phone.page.goto(new URL(publicUrl).pathname);
    await phone.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(phone.page, 'public registration');
    await phone.page.getByLabel('氏名').fill(PARTICIPANT.name);
    await phone.page.getByLabel('所属事業所').fill(PARTICIPANT.office);
    await phone.page.getByLabel('市区町村').selectOption({ label: '松戸市' });
    await phone.page.getByLabel('職種').selectOption({ label: '看護師' });
    await phone.page.getByLabel('メールアドレス').fill(PARTICIPANT.email);
    await phone.page.getByRole('button', { name: '申し込む' }).click();
    await phone.page.getByRole('heading', { name: '参加申込を受け付けました' }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone.page, 'public registration done');

    // On the day: the organiser checks the participant in from the list.
    await page.getByRole('link', { name: '申込者・受付' }).click();
    await page.getByRole('heading', { level: 1, name: '申込者と当日受付' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(PARTICIPANT.name) });
    await row.getByRole('button', { name: `${PARTICIPANT.name} さんの QR コードを表示` }).click();
    await page.getByRole('dialog', { name: `${PARTICIPANT.name} さんの受付 QR コード` }).getByRole('img', { name: /受付用 QR コード/ }).waitFor();
    await expectAccessible(page, 'registration QR');
    await page.getByRole('dialog').getByRole('button', { name: '閉じる', exact: true }).first().click();
    await row.getByRole('button', { name: `${PARTICIPANT.name} さんを受付する` }).click();
    await page.getByText(`${PARTICIPANT.name} さんを受付しました。`).waitFor();
    await row.getByText('受付済み', { exact: true }).waitFor();
    await expectAccessible(page, 'registrations');

    // The survey: built for this event, opened, sent to the checked-in participants.
    await page.goto(eventUrl);
    await page.getByRole('region', { name: '主催者の操作' }).getByRole('link', { name: 'アンケート', exact: true }).click();
    await page.getByText('この行事のアンケートだけを表示しています。').waitFor();
    await page.getByRole('link', { name: 'アンケートを作成' }).click();
    await page.getByRole('heading', { level: 1, name: 'アンケートの作成' }).waitFor();
    await page.getByLabel('アンケート名').fill('第三回 終了後アンケート');
    await page.getByLabel('質問文').fill('研修に満足できましたか？');
    await page.getByLabel('回答を必須にする').check();
    // An event's survey goes out by itself after the event unless the organiser unticks this.
    expect(await page.getByLabel('終了後に自動で配布する').isChecked()).toBe(true);
    await expectAccessible(page, 'survey builder');
    await page.getByRole('button', { name: '下書きとして保存' }).click();
    await page.getByRole('heading', { level: 1, name: 'アンケートの編集と配布' }).waitFor();
    await page.getByRole('button', { name: '公開する（回答受付を始める）' }).click();
    await page.getByText('行事の終了後に、参加者へ自動で配布します。').waitFor();
    await page.getByRole('button', { name: '配布する' }).click();
    await page.getByText('1件配布しました').waitFor();
    await expectAccessible(page, 'survey send');
    const resultsHref = await page.getByRole('link', { name: '結果', exact: true }).getAttribute('href');

    // The invitation e-mail (SMTP is not configured: it waits in the outbox admins can read).
    const admin = await e2e.newPage();
    await signInDemo(admin.page, 'admin');
    const outbox = (await (await admin.page.request.get('/api/admin/outbox?limit=50')).json()) as { items: { to: string; subject: string; text: string }[] };
    const mail = outbox.items.find((m) => m.to === PARTICIPANT.email && m.subject.includes('アンケート'));
    const surveyPath = mail?.text.match(/\/public\/surveys\/[A-Za-z0-9_-]+/)?.[0];
    expect(surveyPath).toBeTruthy();
    await admin.context.close();

    // Answered on the phone.
    await phone.page.goto(surveyPath!);
    await phone.page.getByRole('heading', { level: 1, name: '第三回 終了後アンケート' }).waitFor();
    await expectAccessible(phone.page, 'public survey');
    await phone.page.getByRole('button', { name: '回答を送信する' }).click();
    await phone.page.getByRole('link', { name: /回答してください（必須）/ }).waitFor();
    await phone.page.getByRole('radio', { name: '大変満足できた' }).check();
    await phone.page.getByRole('button', { name: '回答を送信する' }).click();
    await phone.page.getByText('ご回答ありがとうございました').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone.page, 'public survey done');
    await phone.context.close();

    // The organiser sees the chart (and its table).
    await page.goto(resultsHref!);
    await page.getByRole('heading', { level: 1, name: '結果：第三回 終了後アンケート' }).waitFor();
    const chart = page.getByRole('img', { name: /研修に満足できましたか？：回答 1件。最も多いのは「大変満足できた」（100%）/ });
    await chart.waitFor();
    await chart.locator('svg').first().waitFor();
    await page.getByText('表で見る（数値）').click();
    await page.getByRole('table', { name: '研修に満足できましたか？' }).getByRole('row', { name: /大変満足できた 1 100%/ }).waitFor();
    await expectAccessible(page, 'survey results');
  });
});

describe('研修・会議: ask a coordinator, glossary, indicators', () => {
  it('asks, notifies, answers with glossary links, resolves into the knowledge base', async () => {
    const asker = await e2e.newPage();
    await signInDemo(asker.page, 'consult.suzuki');
    await asker.page.goto('/consultations');
    await asker.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談' }).waitFor();
    await expectAccessible(asker.page, 'consultations');
    await asker.page.getByRole('link', { name: '相談する' }).click();
    await asker.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談する' }).waitFor();
    await asker.page.getByRole('button', { name: '相談を送る' }).click();
    await asker.page.getByRole('link', { name: /件名: 入力してください/ }).waitFor();
    await asker.page.getByLabel('件名').fill('E2E 胃ろうの子の短期入所先');
    await asker.page.getByLabel('相談内容').fill('胃ろうの子を受けてくれる短期入所を探しています。');
    await asker.page.getByLabel('市区町村').selectOption({ label: '松戸市' });
    await expectAccessible(asker.page, 'ask form');
    await asker.page.getByRole('button', { name: '相談を送る' }).click();
    await asker.page.getByRole('heading', { level: 1, name: 'E2E 胃ろうの子の短期入所先' }).waitFor();
    // The glossary term in the question is a link to its page.
    await asker.page.getByRole('article', { name: '相談内容' }).getByRole('link', { name: '胃ろう' }).waitFor();
    await expectAccessible(asker.page, 'consultation thread');
    const threadUrl = asker.page.url();

    // The city's coordinator sees the notice in the header bell and answers.
    const coordinator = await e2e.newPage();
    await signInDemo(coordinator.page, 'coord.sato');
    const bell = coordinator.page.getByRole('button', { name: /お知らせ.*未読 \d+件/ });
    await bell.click();
    await coordinator.page.getByRole('region', { name: 'お知らせ' }).getByRole('link', { name: /新しい相談: E2E 胃ろうの子の短期入所先/ }).click();
    await coordinator.page.getByRole('heading', { level: 1, name: 'E2E 胃ろうの子の短期入所先' }).waitFor();
    await coordinator.page.getByRole('textbox', { name: '回答' }).fill('松戸市の短期入所は、まず訪問看護と一緒に見学するのがおすすめです。');
    await coordinator.page.getByRole('button', { name: '回答する' }).click();
    await coordinator.page.getByText('まず訪問看護と一緒に見学').waitFor();
    await coordinator.page.getByRole('button', { name: '佐藤 みのり さんの回答で解決済みにする' }).click();
    await coordinator.page.getByRole('alertdialog', { name: '解決済みにしますか' }).getByRole('button', { name: '解決済みにする' }).click();
    await coordinator.page.getByText('解決につながった回答').waitFor();
    await expectAccessible(coordinator.page, 'resolved thread');
    await coordinator.context.close();

    // It is now in the knowledge base (search folds kana: いろう finds 胃ろう's reading).
    await asker.page.goto('/knowledge-base');
    await asker.page.getByLabel('キーワード').fill('短期入所');
    await asker.page.getByRole('button', { name: '検索' }).click();
    await asker.page.getByRole('link', { name: 'E2E 胃ろうの子の短期入所先' }).waitFor();
    await expectAccessible(asker.page, 'knowledge base');
    expect(threadUrl).toContain('/consultations/');

    // The glossary: search by reading, open a term.
    await asker.page.goto('/glossary');
    await asker.page.getByLabel('用語・よみ').fill('いろう');
    await asker.page.getByRole('button', { name: '検索' }).click();
    await asker.page.getByRole('link', { name: '胃瘻', exact: true }).click();
    await asker.page.getByRole('heading', { level: 1, name: '胃瘻' }).waitFor();
    await expectAccessible(asker.page, 'glossary term');
    await asker.context.close();
  });

  it('shows the acceptance indicator across the two training sessions, with its table', async () => {
    const { page, context } = await e2e.newPage();
    await signInDemo(page, 'official.matsudo');
    await page.goto('/indicators');
    await page.getByRole('heading', { level: 1, name: '地域の指標' }).waitFor();
    const chart = page.getByRole('img', { name: /の推移（肯定的な回答の割合）/ });
    await chart.locator('svg').first().waitFor();
    await page.getByText('表で見る（数値）').click();
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'indicators');
    await context.close();
  });
});
