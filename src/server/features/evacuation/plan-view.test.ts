import { describe, expect, it } from 'vitest';
import { EvacuationPlanBodySchema } from '../../../shared/contracts/evacuation.js';
import { DEFAULT_ITEMS_BY_RECIPIENT } from '../../../shared/domain/evacuation-recipients.js';
import { computeRuntime } from '../../../shared/domain/power-runtime.js';
import { filterPlanForRecipient } from './evacuation-exports.js';
import { checklistOf, deviceKindOf, statusOf } from './plan-view.js';

const body = EvacuationPlanBodySchema.parse({
  register: { name: 'テスト', address: '松戸市', birthDate: '2020-01-01', phone: '090' },
  supportReason: '人工呼吸器',
  supporters: [{ name: '父', phone: '1' }],
  devices: [{ kind: 'ventilator', watts: 60, internalBattery: { hours: 5 } }],
  medications: [{ name: '薬A', stockDays: 3 }],
});

describe('plan status and checklist', () => {
  it('is review_due from the review date on', () => {
    expect(statusOf(null)).toBe('none');
    expect(statusOf({ status: 'draft', reviewDueOn: null })).toBe('draft');
    expect(statusOf({ status: 'approved', reviewDueOn: '2027-05-01' }, '2027-04-30')).toBe('approved');
    expect(statusOf({ status: 'approved', reviewDueOn: '2027-05-01' }, '2027-05-01')).toBe('review_due');
  });

  it('asks for two supporters with phone numbers before approval', () => {
    const failed = checklistOf(body).filter((c) => !c.ok).map((c) => c.code);
    // (the default destination is staying at home, which needs no name or transport)
    expect(failed).toEqual(['supporters', 'medical_contacts']);
  });

  it('maps the record’s free-text device types to device kinds', () => {
    expect(['人工呼吸器（NPPV）', '在宅酸素濃縮器', '吸引器', '経管栄養ポンプ', 'パルスオキシメーター', '電動ベッド'].map(deviceKindOf)).toEqual(['ventilator', 'oxygen_concentrator', 'suction', 'feeding_pump', 'pulse_oximeter', 'other']);
  });
});

describe('what a recipient receives', () => {
  it('gives a neighbourhood association no medical detail and no phone item', () => {
    const out = filterPlanForRecipient(body, computeRuntime(body), DEFAULT_ITEMS_BY_RECIPIENT.neighborhood);
    expect(Object.keys(out).sort()).toEqual(['address', 'destination', 'identity', 'reason', 'supporters']);
  });

  it('gives a shelter the devices with the runtime and the stock', () => {
    const out = filterPlanForRecipient(body, computeRuntime(body), DEFAULT_ITEMS_BY_RECIPIENT.shelter) as { devices: { runtimeHours: number }; medications: { medications: { name: string }[] } };
    expect(out.devices.runtimeHours).toBe(5);
    expect(out.medications.medications[0]!.name).toBe('薬A');
    expect(out).not.toHaveProperty('address');
  });
});
