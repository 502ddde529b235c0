import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegisterEntrySchema, RegisterSummarySchema, SimulationResultSchema, EvacuationPlanStatus } from '../../../../shared/contracts/evacuation';
import { apiFetch, buildUrl, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { evacuationKeys } from './keys';

export type SimulationResult = z.infer<typeof SimulationResultSchema>;
export type SimulationRow = SimulationResult['rows'][number];
export type RegisterSummary = z.infer<typeof RegisterSummarySchema>;
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

export interface SimulationParams {
  outageHours: number;
  municipalityCodes?: string[];
  lat?: number;
  lon?: number;
  radiusKm?: number;
}

const simulationQuery = (p: SimulationParams) => ({
  outageHours: p.outageHours,
  municipalityCodes: p.municipalityCodes?.length ? p.municipalityCodes.join(',') : undefined,
  lat: p.lat,
  lon: p.lon,
  radiusKm: p.radiusKm,
});

export function useSimulation(params: SimulationParams | null) {
  return useQuery({
    queryKey: evacuationKeys.simulation(params ?? {}),
    enabled: params != null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiFetch<SimulationResult>('/api/evacuation/simulation', { query: simulationQuery(params!), signal }),
  });
}

/** CSV and A4 print of the same simulation (each client listed is recorded as a provision). */
export const simulationExportUrl = (p: SimulationParams, format: 'csv' | 'pdf') => buildUrl(`/api/evacuation/simulation.${format}`, simulationQuery(p));

export type RegisterPage = Page<RegisterEntry> & { asOf: string; summary: RegisterSummary };

export const registersQueryOptions = (status?: EvacuationPlanStatus) =>
  infiniteQueryOptions({
    queryKey: evacuationKeys.registers({ status }),
    queryFn: ({ pageParam, signal }) => apiFetch<RegisterPage>('/api/evacuation/registers', { query: { status, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useRegisters(status?: EvacuationPlanStatus) {
  return useInfiniteQuery(registersQueryOptions(status));
}
