// Hand-computed rankings: each expected score is worked out in the comments from the weights in
// matching-weights.ts (careItems 30, capacity 15, area 15, days 10, accepts 10, wishes 10,
// fairness 10). If a weight changes, these numbers must be recomputed by hand, on purpose.
import { describe, expect, it } from 'vitest';
import { CONSULTANT_WEIGHTS, SERVICE_WEIGHTS } from './matching-weights.js';
import { municipalityDistanceKm, pickBackupCoordinator, rankConsultants, rankServices, type ConsultantInput, type CoordinatorInput, type MatchCaseInput } from './matching.js';

const MATSUDO = '12207';
const NAGAREYAMA = '12220';
const KASHIWA = '12217';

const person = (over: Partial<ConsultantInput> & { userId: string }): ConsultantInput => ({
  name: over.userId,
  nameKana: over.userId,
  offices: [],
  officeMunicipalities: [],
  acceptsMedicalCare: 'yes',
  careItems: [],
  maxCaseload: 10,
  currentCaseload: 0,
  municipalities: [MATSUDO],
  availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  declaredGender: null,
  coordinatorTrainingYear: null,
  ...over,
});

const sato: CoordinatorInput = { userId: 'sato', name: '佐藤 みのり', nameKana: 'さとう みのり', municipalities: [MATSUDO, NAGAREYAMA], backupAvailable: true, maxBackupCases: 3, currentBackupCases: 1 };
const tanaka: CoordinatorInput = { userId: 'tanaka', name: '田中 ゆうこ', nameKana: 'たなか ゆうこ', municipalities: [KASHIWA], backupAvailable: true, maxBackupCases: 3, currentBackupCases: 0 };

// A case like Aちゃん: ventilator, suction, tube feeding; the mother asks for weekend contact
// and a female consultant.
const aCase: MatchCaseInput = {
  municipalityCode: MATSUDO,
  careItems: [{ code: 'ventilator' }, { code: 'suction' }, { code: 'tube_feeding' }],
  wishes: { weekendContact: true, consultantGender: 'female', preferredDays: [] },
};

describe('rankConsultants', () => {
  it('weights add up to 100 so a score reads "out of 100"', () => {
    expect(Object.values(CONSULTANT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.values(SERVICE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('ranks a hand-computed field of six consultants', () => {
    const consultants = [
      // A: 30 (3/3 items) + 10 (2 free of 3 → 15×2/3) + 15 (covers 松戸) + 10 (Saturday) + 10 (yes)
      //    + 10 (female) + 2 (8/10 load → 10×0.2) = 87
      person({ userId: 'a', careItems: ['ventilator', 'suction', 'tube_feeding'], currentCaseload: 8, availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], declaredGender: 'female' }),
      // B (with_backup): 10 (1/3) + 15 (9 free) + 15 + 0 (no weekend) + 5 (backup by 佐藤) + 10 (female)
      //    + 9 (1/10) = 64
      person({ userId: 'b', acceptsMedicalCare: 'with_backup', careItems: ['suction'], currentCaseload: 1, declaredGender: 'female' }),
      // C: 20 (2/3) + 15 (5 free) + 9.3 (流山, 7.63 km from 松戸 → 15×(1−7.63/20) = 9.28) + 10 (Sunday)
      //    + 10 + 0 (male) + 10 (0/5) = 74.3
      person({ userId: 'c', careItems: ['ventilator', 'suction'], maxCaseload: 5, municipalities: [NAGAREYAMA], availableDays: ['mon', 'sun'], declaredGender: 'male' }),
      // D: does not take medical-care cases → not eligible.
      person({ userId: 'd', acceptsMedicalCare: 'no', careItems: ['ventilator', 'suction', 'tube_feeding'], declaredGender: 'female' }),
      // E: full (3/3) → not eligible.
      person({ userId: 'e', maxCaseload: 3, currentCaseload: 3, careItems: ['ventilator'] }),
      // F: with_backup, covers only 柏; the backup follows the case's area (松戸 → 佐藤).
      person({ userId: 'f', acceptsMedicalCare: 'with_backup', municipalities: [KASHIWA] }),
    ];
    const { candidates, regionAverageCaseload } = rankConsultants({ case: aCase, consultants, coordinators: [tanaka, sato] });
    expect(regionAverageCaseload).toBe(2); // (8+1+0+0+3+0)/6
    const top = candidates.map((c) => [c.userId, c.eligible, c.score]);
    expect(top.slice(0, 4)).toEqual([
      ['a', true, 87],
      ['c', true, 74.3],
      ['b', true, 64],
      // F is with_backup and 佐藤 covers 松戸, so F is eligible (the backup follows the case's
      // area, not the consultant's): 0 (no items) + 15 + 15×(1−11.04/20)=6.7 (柏→松戸 11.0 km)
      // + 0 (no weekend) + 5 + 0 (not declared) + 10 = 36.7
      ['f', true, 36.7],
    ]);
    expect(candidates.slice(4).map((c) => [c.userId, c.eligible])).toEqual([
      // Ineligible last, by score: D 30+15+15+0+0+10+10 = 80, E 10+0+15+0+10+0+0 = 35
      ['d', false],
      ['e', false],
    ]);
    expect(candidates.find((c) => c.userId === 'd')!.score).toBe(80);
    expect(candidates.find((c) => c.userId === 'e')!.score).toBe(35);
    expect(candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('explains each criterion in Japanese, met or not', () => {
    const [a] = rankConsultants({
      case: aCase,
      consultants: [person({ userId: 'a', careItems: ['ventilator', 'suction'], currentCaseload: 8, availableDays: ['sat'], declaredGender: 'female', coordinatorTrainingYear: 2023 })],
      coordinators: [],
    }).candidates;
    const text = Object.fromEntries(a!.reasons.map((r) => [r.criterion, [r.met, r.text]]));
    expect(text.careItems).toEqual(['partial', '人工呼吸器・吸引の経験あり、経管栄養の経験なし（2/3 項目）']);
    expect(text.capacity).toEqual(['partial', '空き枠 2 件（8/10 件）']);
    expect(text.area).toEqual(['met', '松戸市を担当']);
    expect(text.days).toEqual(['met', '土日の連絡可']);
    expect(text.accepts).toEqual(['met', '医療的ケアのケースを引き受けられる']);
    expect(text.wishes).toEqual(['met', '女性の相談員の希望に合う']);
    expect(text.fairness).toEqual(['met', '担当件数が地域平均以下（8 件、平均 8 件）']);
    expect(text.training).toEqual(['info', '医療的ケア児等コーディネーター養成研修 修了（2023年）']);
  });

  it('names the backup coordinator for a with_backup consultant, and drops them when no coordinator covers the area', () => {
    const b = person({ userId: 'b', acceptsMedicalCare: 'with_backup' });
    const withSato = rankConsultants({ case: aCase, consultants: [b], coordinators: [sato] }).candidates[0]!;
    expect(withSato.eligible).toBe(true);
    expect(withSato.backupCoordinator).toEqual({ userId: 'sato', name: '佐藤 みのり' });
    expect(withSato.reasons.find((r) => r.criterion === 'accepts')!.text).toBe('コーディネーターの後方支援が可能（佐藤）');

    const noOne = rankConsultants({ case: aCase, consultants: [b], coordinators: [tanaka, { ...sato, currentBackupCases: 3 }] }).candidates[0]!;
    expect(noOne.eligible).toBe(false);
    expect(noOne.backupCoordinator).toBeNull();
    expect(noOne.reasons.find((r) => r.criterion === 'accepts')!.text).toContain('後方支援できるコーディネーターがいない');
  });

  it('prefers the less loaded of two otherwise equal consultants (fairness)', () => {
    // Same profile; loads 6/10 and 2/10. Capacity: both ≥3 free → 15. Fairness: 4 vs 8.
    const busy = person({ userId: 'busy', nameKana: 'あ', currentCaseload: 6 });
    const light = person({ userId: 'light', nameKana: 'ん', currentCaseload: 2 });
    const r = rankConsultants({ case: { ...aCase, careItems: [] }, consultants: [busy, light], coordinators: [] }).candidates;
    expect(r.map((c) => [c.userId, c.score])).toEqual([
      ['light', 30 + 15 + 15 + 0 + 10 + 0 + 8],
      ['busy', 30 + 15 + 15 + 0 + 10 + 0 + 4],
    ]);
    expect(r[1]!.reasons.find((x) => x.criterion === 'fairness')!.text).toBe('担当件数が地域平均より多い（6 件、平均 4 件）');
  });

  it('is deterministic: shuffled input, same ranking; ties broken by load then reading', () => {
    const people = ['う', 'あ', 'い'].map((k, i) => person({ userId: `p${i}`, nameKana: k }));
    const r1 = rankConsultants({ case: aCase, consultants: people, coordinators: [] }).candidates.map((c) => c.userId);
    const r2 = rankConsultants({ case: aCase, consultants: [...people].reverse(), coordinators: [] }).candidates.map((c) => c.userId);
    expect(r1).toEqual(['p1', 'p2', 'p0']);
    expect(r2).toEqual(r1);
  });

  it('scores weekdays covered when the family states no day wishes, and preferred days when it does', () => {
    const p = person({ userId: 'p', availableDays: ['mon', 'tue', 'wed', 'thu'] });
    const plain = rankConsultants({ case: { ...aCase, wishes: { weekendContact: false, consultantGender: null, preferredDays: [] } }, consultants: [p], coordinators: [] }).candidates[0]!;
    expect(plain.reasons.find((r) => r.criterion === 'days')).toMatchObject({ points: 8, text: '平日 4/5 日対応' });
    const wished = rankConsultants({ case: { ...aCase, wishes: { weekendContact: false, consultantGender: null, preferredDays: ['mon', 'fri'] } }, consultants: [p], coordinators: [] }).candidates[0]!;
    expect(wished.reasons.find((r) => r.criterion === 'days')).toMatchObject({ points: 5, met: 'partial', text: '月曜に対応可、金曜は対応不可' });
  });
});

describe('pickBackupCoordinator', () => {
  it('picks the least loaded available coordinator covering the area, never the consultant themself', () => {
    const other = { ...sato, userId: 'other', name: '大野 りん', nameKana: 'おおの りん', currentBackupCases: 0 };
    expect(pickBackupCoordinator([sato, other], MATSUDO)!.userId).toBe('other');
    expect(pickBackupCoordinator([sato, other], MATSUDO, 'other')!.userId).toBe('sato');
    expect(pickBackupCoordinator([{ ...sato, backupAvailable: false }], MATSUDO)).toBeNull();
  });
});

describe('municipalityDistanceKm', () => {
  it('measures city hall to city hall', () => {
    expect(municipalityDistanceKm(MATSUDO, MATSUDO)).toBe(0);
    expect(municipalityDistanceKm(MATSUDO, NAGAREYAMA)).toBeCloseTo(7.63, 1);
    expect(municipalityDistanceKm(MATSUDO, '99999')).toBeNull();
  });
});

describe('rankServices (directory seam)', () => {
  it('ranks services by care capability, vacancy freshness, distance and weekend opening', () => {
    const base = { serviceType: '63', officeNameKana: '', weekendOpen: false, vacancyUpdatedOn: '2026-05-01' };
    const services = [
      // X: 40 (both yes) + 25 (vacancy fresh) + 20 (same city) + 15 (weekend) = 100
      { ...base, serviceId: 'x', officeId: 'ox', officeName: 'X', officeNameKana: 'え', municipalityCode: MATSUDO, careCapabilities: { ventilator: 'yes', suction: 'yes' }, vacancy: 1, weekendOpen: true },
      // Y: 40×(1+0.5)/2 = 30 + 12.5 (vacancy 45 days old → half) + 20 + 0 = 62.5
      { ...base, serviceId: 'y', officeId: 'oy', officeName: 'Y', officeNameKana: 'い', municipalityCode: MATSUDO, careCapabilities: { ventilator: 'yes', suction: 'conditional' }, vacancy: 2, vacancyUpdatedOn: '2026-04-16' },
      // Z: refuses ventilator → ineligible even with everything else.
      { ...base, serviceId: 'z', officeId: 'oz', officeName: 'Z', officeNameKana: 'あ', municipalityCode: MATSUDO, careCapabilities: { ventilator: 'no', suction: 'yes' }, vacancy: 3, weekendOpen: true },
      // other type: filtered out
      { ...base, serviceType: '65', serviceId: 'w', officeId: 'ow', officeName: 'W', municipalityCode: MATSUDO, careCapabilities: {}, vacancy: 1 },
    ] as const;
    const r = rankServices({
      case: { municipalityCode: MATSUDO, careItems: [{ code: 'ventilator' }, { code: 'suction' }], wishes: { weekendContact: true, consultantGender: null, preferredDays: [] } },
      serviceType: '63',
      services: services.map((s) => ({ ...s, careCapabilities: { ...s.careCapabilities } })),
      today: '2026-05-31',
    });
    expect(r.map((s) => [s.serviceId, s.eligible, s.score])).toEqual([
      ['x', true, 100],
      ['y', true, 62.5],
      ['z', false, 20 + 25 + 20 + 15],
    ]);
    expect(r[1]!.reasons[0]!.text).toBe('人工呼吸器に対応、吸引は条件付き');
  });

  it('counts a service that travels to the case city as in the area, and excludes a case outside its ages', () => {
    const base = { serviceType: 'home_nursing', officeNameKana: 'あ', weekendOpen: false, vacancy: 1, vacancyUpdatedOn: '2026-05-30', careCapabilities: { ventilator: 'yes' as const } };
    const r = rankServices({
      case: { municipalityCode: MATSUDO, ageYears: 4, careItems: [{ code: 'ventilator' }], wishes: { weekendContact: false, consultantGender: null, preferredDays: [] } },
      serviceType: 'home_nursing',
      services: [
        // in 千代田区 (outside the region: distance unknown, no distance points), but it visits 松戸 → full area points: 40 + 25 + 20 + 15 = 100
        { ...base, serviceId: 'n', officeId: 'on', officeName: 'N', municipalityCode: '13101', areasServed: ['13101', MATSUDO] },
        // same, without 松戸 among its areas: 40 + 25 + 0 + 15 = 80
        { ...base, serviceId: 'm', officeId: 'om', officeName: 'M', municipalityCode: '13101', areasServed: ['13101'] },
        // school-age only: ineligible, 100 points notwithstanding
        { ...base, serviceId: 's', officeId: 'os', officeName: 'S', municipalityCode: MATSUDO, ageMin: 6, ageMax: null },
      ],
      today: '2026-05-31',
    });
    expect(r.map((x) => [x.serviceId, x.eligible, x.score])).toEqual([
      ['n', true, 100],
      ['m', true, 80],
      ['s', false, 100],
    ]);
    expect(r[0]!.reasons.find((x) => x.criterion === 'area')!.text).toBe('松戸市へ訪問可（13101の事業所）');
    expect(r[1]!.reasons.find((x) => x.criterion === 'area')!.text).toBe('所在地の距離が不明');
    expect(r[2]!.reasons.at(-1)).toEqual({ criterion: 'age', met: 'not_met', points: 0, maxPoints: 0, text: '対象年齢外（6歳以上）' });
  });
});
