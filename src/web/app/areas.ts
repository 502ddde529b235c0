// The work areas of DESIGN.md §1, in the order the navigation shows them. All are built; a new
// area starts as 'planned' (the navigation and home show it as 準備中, never placeholder data)
// and becomes 'ready' when its feature's route lands.
import type { MessageKey } from '../i18n/i18n';

export type AreaKey = 'directory' | 'people' | 'cases' | 'clients' | 'plans' | 'evacuation' | 'events' | 'analytics';

export interface Area {
  key: AreaKey;
  path: `/${AreaKey}`;
  label: MessageKey;
  summary: MessageKey;
  /** Capabilities in DESIGN.md §1 this area will deliver. */
  capabilities: string[];
  status: 'planned' | 'ready';
  /** Other paths that belong to the area (its local navigation), so the main menu marks it. */
  also?: readonly string[];
}

export const AREAS: readonly Area[] = [
  { key: 'directory', path: '/directory', label: 'area.directory', summary: 'area.directory.summary', capabilities: ['C1'], status: 'ready' },
  { key: 'people', path: '/people', label: 'area.people', summary: 'area.people.summary', capabilities: ['C2'], status: 'ready' },
  { key: 'cases', path: '/cases', label: 'area.cases', summary: 'area.cases.summary', capabilities: ['C3', 'C4', 'C5'], status: 'ready' },
  { key: 'clients', path: '/clients', label: 'area.clients', summary: 'area.clients.summary', capabilities: ['C4', 'C5', 'C6'], status: 'ready' },
  { key: 'plans', path: '/plans', label: 'area.plans', summary: 'area.plans.summary', capabilities: ['C4', 'C5', 'C6'], status: 'ready' },
  { key: 'evacuation', path: '/evacuation', label: 'area.evacuation', summary: 'area.evacuation.summary', capabilities: ['C7'], status: 'ready' },
  { key: 'events', path: '/events', label: 'area.events', summary: 'area.events.summary', capabilities: ['C8', 'C9'], status: 'ready', also: ['/surveys', '/indicators', '/consultations', '/knowledge-base', '/glossary'] },
  { key: 'analytics', path: '/analytics', label: 'area.analytics', summary: 'area.analytics.summary', capabilities: ['C10'], status: 'ready' },
];

export interface AdminLink {
  path: '/admin/users' | '/admin/offices' | '/admin/organizations' | '/admin/municipalities' | '/admin/audit';
  label: MessageKey;
  summary: MessageKey;
  permission: string;
}

/** Shown only to accounts holding the permission (the server enforces it regardless). */
export const ADMIN_LINKS: readonly AdminLink[] = [
  { path: '/admin/users', label: 'admin.users', summary: 'home.admin.users', permission: 'manage:users' },
  { path: '/admin/offices', label: 'admin.offices', summary: 'home.admin.offices', permission: 'manage:region' },
  { path: '/admin/organizations', label: 'admin.organizations', summary: 'home.admin.organizations', permission: 'manage:region' },
  { path: '/admin/municipalities', label: 'admin.municipalities', summary: 'home.admin.municipalities', permission: 'manage:region' },
  { path: '/admin/audit', label: 'admin.audit', summary: 'home.admin.audit', permission: 'read:audit' },
];
