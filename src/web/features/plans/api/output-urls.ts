// The server's printouts and exports (generated from the current record at request time,
// never cached). Plain links: the browser shows the PDF itself, downloads the Excel file.
const base = (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}`;
const plan = (planId?: string) => (planId ? `?planId=${encodeURIComponent(planId)}` : '');

export const outputUrls = {
  planPdf: (clientId: string, planId?: string) => `${base(clientId)}/print/plan.pdf${plan(planId)}`,
  weeklyPdf: (clientId: string, planId?: string) => `${base(clientId)}/print/weekly.pdf${plan(planId)}`,
  planXlsx: (clientId: string, planId?: string) => `${base(clientId)}/export/plan.xlsx${plan(planId)}`,
  monitoringPdf: (clientId: string, id: string) => `${base(clientId)}/print/monitoring/${encodeURIComponent(id)}.pdf`,
  monitoringXlsx: (clientId: string, id: string) => `${base(clientId)}/export/monitoring/${encodeURIComponent(id)}.xlsx`,
  conferencePdf: (clientId: string, id: string) => `${base(clientId)}/print/conference/${encodeURIComponent(id)}.pdf`,
  lifeSupportPdf: (clientId: string) => `${base(clientId)}/print/life-support-file.pdf`,
  emergencyPdf: (clientId: string) => `${base(clientId)}/print/emergency-summary.pdf`,
  fhir: (clientId: string) => `${base(clientId)}/fhir`,
};
