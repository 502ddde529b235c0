// The 判定スコア calculator (no client data: reference arithmetic for anyone signed in).
import { CARE_ITEMS, availableMonitoringLevels } from '../../../shared/domain/care-items.js';
import { CARE_SCORE_BANDS, careScoreBandInfo, computeCareScore, type CareScoreInput } from '../../../shared/domain/care-score.js';

export function calculateCareScore(items: CareScoreInput[]) {
  const r = computeCareScore(items);
  return { ...r, bandLabel: careScoreBandInfo(r.band).label };
}

export function listCareItems() {
  return {
    items: CARE_ITEMS.map((i) => ({ ...i, monitoringLevels: availableMonitoringLevels(i.code) })),
    bands: CARE_SCORE_BANDS,
    source: '令和3年度障害福祉サービス等報酬改定 医療的ケア判定スコア（DOMAIN.md §3）',
  };
}
