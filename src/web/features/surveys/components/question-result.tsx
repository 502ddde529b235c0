// One question's result: a chart (bar for choices, a 100 % stacked bar for a Likert scale, a
// histogram for numbers) with its table, or the free-text answers.
import { useT } from '../../../i18n/i18n';
import type { QuestionResult } from '../api/get-results';
import { Chart, pct } from '../../../components/ui/chart';

export function QuestionResultView({ q, headingLevel = 2 }: { q: QuestionResult; headingLevel?: 2 | 3 }) {
  const t = useT();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="question-result" aria-labelledby={`qr-${q.questionId}`}>
      <H id={`qr-${q.questionId}`} className="question-result__title">
        <span className="question__number">{t('sv.questionN', { n: q.position })}</span> {q.text}
      </H>
      <p className="small muted">
        {t(`sv.type.${q.type}`)}・{t('sv.answeredN', { n: q.answered })}
        {q.mean !== null ? `・${t('sv.meanMedian', { mean: q.mean.toFixed(2), median: q.median ?? '—' })}` : ''}
      </p>
      <QuestionChart q={q} />
    </section>
  );
}

export function QuestionChart({ q }: { q: QuestionResult }) {
  const t = useT();
  if (q.chart === 'list') return <FreeTexts q={q} />;
  if (q.answered === 0) return <p className="muted">{t('sv.noAnswers')}</p>;
  if (q.chart === 'histogram') {
    const cats = q.histogram.map((h) => (h.from === h.to ? String(h.from) : `${h.from}–${h.to}`));
    return (
      <Chart
        spec={{ categories: cats, series: [{ name: t('sv.count'), data: q.histogram.map((h) => h.count) }], horizontal: false }}
        height={240}
        summary={t('sv.chartSummaryHist', { text: q.text, n: q.answered, mean: q.mean?.toFixed(2) ?? '—' })}
        table={
          <table className="table table--compact">
            <caption className="table__caption">{q.text}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sv.range2')}</th>
                <th scope="col" className="cell-number">
                  {t('sv.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {q.histogram.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{cats[i]}</th>
                  <td className="cell-number">{h.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    );
  }
  const stacked = q.chart === 'stacked_bar';
  const top = [...q.options].sort((a, b) => b.count - a.count)[0];
  const summary = t('sv.chartSummary', { text: q.text, n: q.answered, top: top?.label ?? '—', share: pct(top?.share) ?? 0 });
  const table = <OptionsTable q={q} />;
  if (stacked)
    return (
      <Chart
        spec={{ categories: [t('sv.shareLabel')], series: q.options.map((o) => ({ name: o.label, data: [pct(o.share)] })), stacked: true, percent: true }}
        height={150}
        summary={summary}
        table={table}
      />
    );
  return <Chart spec={{ categories: q.options.map((o) => o.label), series: [{ name: t('sv.count'), data: q.options.map((o) => o.count) }] }} summary={summary} table={table} />;
}

function OptionsTable({ q }: { q: QuestionResult }) {
  const t = useT();
  return (
    <table className="table table--compact">
      <caption className="table__caption">{q.text}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sv.option')}</th>
          <th scope="col" className="cell-number">
            {t('sv.count')}
          </th>
          <th scope="col" className="cell-number">
            {t('sv.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {q.options.map((o) => (
          <tr key={o.index}>
            <th scope="row">{o.label}</th>
            <td className="cell-number">{o.count}</td>
            <td className="cell-number">{o.share === null ? '—' : `${pct(o.share)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FreeTexts({ q }: { q: QuestionResult }) {
  const t = useT();
  return (
    <>
      <p className="small" role="status">
        {t('sv.textCount', { shown: q.texts.length, total: q.textTotal })}
      </p>
      {q.texts.length ? (
        <ul className="free-texts">
          {q.texts.map((x, i) => (
            <li key={i}>
              <p className="pre-wrap">{x.text}</p>
              {x.respondentName || x.municipalityName ? <p className="small muted">{[x.respondentName, x.municipalityName].filter(Boolean).join('・')}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
