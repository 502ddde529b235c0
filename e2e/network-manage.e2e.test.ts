// Issue #6, keeping the network's shared knowledge: coordinators edit the glossary (add, edit
// with a reason, delete after confirming), choose survey questions as the region's indicators,
// and consultants tag their questions so the list and the knowledge base can be filtered.
// Axe on every page.
import { describe, expect, it } from 'vitest';
import { e2eForFile, signInDemo } from './helpers';
import { expectAccessible } from './support.js';

const e2e = e2eForFile({});

describe('研修・会議: the glossary kept by coordinators', () => {
  it('adds a term, edits it with a reason, and deletes it after confirming; consultants only read', async () => {
    const { page, context } = await e2e.newPage();
    await signInDemo(page, 'coord.sato');
    await page.goto('/glossary');
    await page.getByRole('heading', { level: 1, name: '医ケア「基本のキ」' }).waitFor();
    await page.getByRole('link', { name: '用語を追加' }).click();
    await page.getByRole('heading', { level: 1, name: '用語の追加' }).waitFor();

    // Errors name the field, in Japanese, before anything is written.
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByRole('link', { name: /用語: 入力してください/ }).waitFor();
    await page.getByLabel('用語', { exact: true }).fill('E2E カニューレバンド');
    await page.getByLabel('よみ').fill('漢字');
    await page.getByLabel('説明').fill('気管カニューレを首に留めるひも。汚れたら交換します。');
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByRole('link', { name: /よみ: ひらがな・カタカナで入力してください/ }).waitFor();
    await page.getByLabel('よみ').fill('いーつーいーかにゅーればんど');
    await page.getByLabel('分類').selectOption({ label: '医療機器' });
    await page.getByLabel('関連する用語').fill('気管切開');
    await page.getByRole('checkbox', { name: '気管切開の管理' }).check();
    await expectAccessible(page, 'glossary add form');
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E カニューレバンド' }).waitFor();
    await page.getByRole('link', { name: '気管切開', exact: true }).waitFor();
    await expectAccessible(page, 'glossary term with edit actions');

    // Edit with a reason: the history shows it.
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByRole('heading', { level: 1, name: '用語の編集' }).waitFor();
    await page.getByLabel('説明').fill('気管カニューレを首に留めるひも。汚れたり濡れたりしたら交換します。');
    await page.getByLabel('変更の理由').fill('交換のタイミングを追記');
    await expectAccessible(page, 'glossary edit form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E カニューレバンド' }).waitFor();
    await page.getByText('汚れたり濡れたりしたら交換します。').waitFor();
    await page.getByRole('row', { name: /第2版 .*佐藤 みのり 交換のタイミングを追記/ }).waitFor();

    // Search finds it by reading; a consultant sees no edit actions and cannot open the form.
    const consultant = await e2e.newPage();
    await signInDemo(consultant.page, 'consult.suzuki');
    await consultant.page.goto('/glossary?q=' + encodeURIComponent('かにゅーればんど'));
    await consultant.page.getByRole('link', { name: 'E2E カニューレバンド' }).click();
    await consultant.page.getByRole('heading', { level: 1, name: 'E2E カニューレバンド' }).waitFor();
    expect(await consultant.page.getByRole('button', { name: '削除' }).count()).toBe(0);
    expect(await consultant.page.getByRole('link', { name: '編集' }).count()).toBe(0);
    await consultant.context.close();

    // Delete: cancelling keeps it, confirming removes it.
    await page.getByRole('button', { name: '削除' }).click();
    const dialog = page.getByRole('alertdialog', { name: '用語を削除しますか' });
    await dialog.getByText('「E2E カニューレバンド」と編集履歴を削除します。').waitFor();
    await expectAccessible(page, 'glossary delete confirmation');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E カニューレバンド' }).waitFor();
    await page.getByRole('button', { name: '削除' }).click();
    await dialog.getByRole('button', { name: '削除' }).click();
    await page.getByRole('heading', { level: 1, name: '医ケア「基本のキ」' }).waitFor();
    await page.getByLabel('用語・よみ').fill('かにゅーればんど');
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByText('該当する用語はありません。').waitFor();
    await context.close();
  });
});

describe('研修・会議: choosing the questions that measure the region’s indicators', () => {
  it('adds an indicator, tracks a survey question with its option mapping, changes it, stops tracking, deletes', async () => {
    const { page, context } = await e2e.newPage();
    await signInDemo(page, 'coord.sato');
    await page.goto('/indicators');
    await page.getByRole('heading', { level: 1, name: '地域の指標' }).waitFor();
    await page.getByRole('link', { name: '指標の管理' }).click();
    await page.getByRole('heading', { level: 1, name: '指標の管理' }).waitFor();
    // The demo's acceptance indicator is measured by both training sessions' questions.
    const acceptance = page.getByRole('table', { name: '「医ケアケースの受け入れ意向」を測っている質問' });
    expect(await acceptance.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'indicator management');

    // A new indicator; the form names what is missing.
    await page.getByRole('button', { name: '指標を追加' }).click();
    const form = page.getByRole('dialog', { name: '指標の追加' });
    await form.getByRole('button', { name: '追加する' }).click();
    await form.getByRole('link', { name: /指標名: 入力してください/ }).waitFor();
    await form.getByLabel('指標名').fill('E2E 研修の理解度');
    await form.getByLabel('選択肢（良い順）').fill('よく分かった\n分かった\n分からなかった');
    await form.getByRole('checkbox', { name: 'よく分かった' }).check();
    await form.getByRole('checkbox', { name: '分かった', exact: true }).check();
    await expectAccessible(page, 'indicator form');
    await form.getByRole('button', { name: '追加する' }).click();
    await page.getByText('「E2E 研修の理解度」を保存しました。').waitFor();
    await page.getByText('この指標を測っている質問はまだありません。').waitFor();

    // Track a question of a demo survey: its first option counts as "よく分かった".
    await page.getByRole('button', { name: '「E2E 研修の理解度」を測る質問を追加' }).click();
    const track = page.getByRole('dialog', { name: '指標を測る質問を追加' });
    await track.getByRole('button', { name: '保存する' }).click();
    await track.getByText('アンケートを選んでください', { exact: true }).first().waitFor();
    await track.getByLabel('アンケート').selectOption({ index: 1 });
    await track.getByLabel('質問', { exact: true }).selectOption({ index: 1 });
    const mapSelects = track.getByRole('group', { name: '選択肢の対応' }).getByRole('combobox');
    expect(await mapSelects.count()).toBeGreaterThanOrEqual(2);
    await mapSelects.nth(0).selectOption({ label: 'よく分かった' });
    await expectAccessible(page, 'track question dialog');
    await track.getByRole('button', { name: '保存する' }).click();
    await page.getByText('「E2E 研修の理解度」の質問を保存しました。').waitFor();
    const tracked = page.getByRole('table', { name: '「E2E 研修の理解度」を測っている質問' });
    await tracked.getByText(/→ よく分かった/).waitFor();

    // Change the mapping: the second option now counts as "分かった".
    await tracked.getByRole('button', { name: /の対応を変更$/ }).click();
    const remap = page.getByRole('dialog', { name: '選択肢の対応の変更' });
    await remap.getByRole('group', { name: '選択肢の対応' }).getByRole('combobox').nth(1).selectOption({ label: '分かった' });
    await remap.getByRole('button', { name: '保存する' }).click();
    await tracked.getByText(/→ 分かった$/).waitFor();

    // Stop tracking (after confirming), then delete the indicator.
    await tracked.getByRole('button', { name: /の追跡をやめる$/ }).click();
    await page.getByRole('alertdialog', { name: 'この質問の追跡をやめますか' }).getByRole('button', { name: '追跡をやめる' }).click();
    await page.getByText(/の追跡をやめました。/).waitFor();
    await page.getByText('この指標を測っている質問はまだありません。').waitFor();
    await page.getByRole('button', { name: '「E2E 研修の理解度」を削除' }).click();
    const confirm = page.getByRole('alertdialog', { name: '指標を削除しますか' });
    await expectAccessible(page, 'indicator delete confirmation');
    await confirm.getByRole('button', { name: '削除' }).click();
    await page.getByText('「E2E 研修の理解度」を削除しました。').waitFor();
    expect(await page.getByRole('heading', { name: 'E2E 研修の理解度' }).count()).toBe(0);
    await context.close();
  });
});

describe('研修・会議: a question about a case', () => {
  it('links the question to a client chosen by name, shows it to the team and hides it from other consultants', async () => {
    const TITLE = 'E2E あかりさんの吸引の頻度について';
    const asker = await e2e.newPage();
    await signInDemo(asker.page, 'consult.suzuki');
    await asker.page.goto('/consultations/new');
    await asker.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談する' }).waitFor();
    await asker.page.getByLabel('件名').fill(TITLE);
    await asker.page.getByLabel('相談内容').fill('夜間の吸引が増えています。訪問看護の回数を増やすべきか相談したいです。');
    await asker.page.getByLabel('関連する利用者（ケース）を検索').fill('あおき');
    const picker = asker.page.getByLabel('関連する利用者（ケース）', { exact: true });
    await picker.locator('option', { hasText: '青木 あかり' }).waitFor({ state: 'attached' });
    await picker.selectOption({ index: 1 });
    await expectAccessible(asker.page, 'ask form with a client chosen');
    await asker.page.getByRole('button', { name: '相談を送る' }).click();
    await asker.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await asker.page.getByText('ケースに関する相談です。', { exact: false }).waitFor();
    await asker.page.getByRole('link', { name: '利用者の記録を開く' }).click();
    await asker.page.getByRole('heading', { level: 1, name: /青木 あかり/ }).waitFor();
    const recordPath = new URL(asker.page.url()).pathname;
    expect(recordPath).toMatch(/^\/clients\//);
    await asker.page.goBack();
    await asker.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const thread = new URL(asker.page.url()).pathname;
    expect(thread).toMatch(/^\/consultations\//);
    await asker.context.close();

    // Another consultant, not on her team, neither lists nor opens it.
    const other = await e2e.newPage();
    await signInDemo(other.page, 'consult.takahashi');
    await other.page.goto('/consultations');
    await other.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談' }).waitFor();
    expect(await other.page.getByRole('link', { name: TITLE }).count()).toBe(0);
    await other.page.goto(thread);
    await other.page.getByText(/見つかりません|ありません/).first().waitFor();
    await other.context.close();
  });
});

describe('研修・会議: tagged questions', () => {
  it('tags a question when posting, filters the list and the knowledge base by tag, and links chips to the filtered list', async () => {
    const TITLE = 'E2E 経管栄養の子の就学相談';
    const asker = await e2e.newPage();
    await signInDemo(asker.page, 'consult.suzuki');
    await asker.page.goto('/consultations/new');
    await asker.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談する' }).waitFor();
    await asker.page.getByLabel('件名').fill(TITLE);
    await asker.page.getByLabel('相談内容').fill('経管栄養の子が小学校に上がります。学校での注入はどこに相談すればよいですか。');
    await asker.page.getByLabel('市区町村').selectOption({ label: '松戸市' });
    await asker.page.getByRole('group', { name: '医療的ケア' }).getByRole('checkbox', { name: '経管栄養', exact: true }).check();
    await asker.page.getByRole('group', { name: 'ライフステージ' }).getByRole('checkbox', { name: '小学生' }).check();
    await asker.page.getByText(/^サービス（0件を選択中）$/).click();
    await asker.page.getByRole('group', { name: 'サービス' }).getByRole('checkbox', { name: '放課後等デイサービス' }).check();
    await expectAccessible(asker.page, 'ask form with tags');
    await asker.page.getByRole('button', { name: '相談を送る' }).click();
    await asker.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const tags = asker.page.getByRole('list', { name: 'タグ' });
    for (const tag of ['松戸市', '経管栄養', '小学生', '放課後等デイサービス']) await tags.getByRole('link', { name: tag, exact: true }).waitFor();
    const threadUrl = asker.page.url();

    // A chip opens the list filtered by that tag; another tag's filter leaves the question out.
    await tags.getByRole('link', { name: '経管栄養', exact: true }).click();
    await asker.page.getByRole('heading', { level: 1, name: 'コーディネーターに相談' }).waitFor();
    expect(new URL(asker.page.url()).searchParams.get('careItem')).toBe('tube_feeding');
    await asker.page.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(asker.page, 'consultations filtered by tag');
    await asker.page.getByRole('search', { name: '相談の絞り込み' }).getByLabel('ライフステージ').selectOption({ label: '乳児' });
    await asker.page.getByRole('button', { name: '検索' }).click();
    await asker.page.getByText('相談はありません。').waitFor();

    // Resolved, it is found in the knowledge base by its tags.
    const coordinator = await e2e.newPage();
    await signInDemo(coordinator.page, 'coord.sato');
    await coordinator.page.goto(new URL(threadUrl).pathname);
    await coordinator.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await coordinator.page.getByRole('button', { name: '解決済みにする' }).click();
    await coordinator.page.getByRole('alertdialog', { name: '解決済みにしますか' }).getByRole('button', { name: '解決済みにする' }).click();
    await coordinator.page.getByText('解決済み', { exact: true }).first().waitFor();
    await coordinator.context.close();

    await asker.page.goto('/knowledge-base');
    const search = asker.page.getByRole('search', { name: 'ナレッジベースの検索' });
    await search.getByLabel('サービス').selectOption({ label: '放課後等デイサービス' });
    await search.getByLabel('ライフステージ').selectOption({ label: '小学生' });
    await search.getByRole('button', { name: '検索' }).click();
    await asker.page.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(asker.page, 'knowledge base filtered by tag');
    await search.getByLabel('医療的ケア').selectOption({ label: '人工呼吸器の管理' });
    await search.getByRole('button', { name: '検索' }).click();
    await asker.page.getByText('該当する相談はありません。').waitFor();
    await asker.context.close();
  });
});
