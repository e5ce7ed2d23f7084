import type { IncidentStatus, Priority, Visibility } from '../incident/incident.entity';
import type { AnalysisResult, PrioritySuggestion } from './ezra.analysis';
import type { PublicIncidentFacts, PublicUpdateFacts } from './ezra.read';

/** Everything staff know of an incident (internal fields included). */
export interface StaffIncidentFacts {
  number: string;
  title: string;
  description: string;
  techDescription: string | null;
  status: IncidentStatus;
  priority: Priority;
  serviceArea: string | null;
  environment: string | null;
  region: string | null;
  impactSummary: string | null;
  blastRadius: string | null;
  assignee: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolutionSummary: string | null;
  sla: { responseDueAt: string; resolutionDueAt: string; state: string | null; responseBreached: boolean | null; resolutionBreached: boolean | null };
}

export interface StaffUpdateFacts {
  at: string;
  kind: string;
  status: IncidentStatus | null;
  visibility: Visibility;
  author: string;
  body: string;
}

/**
 * The structured input of one run. The deterministic report is rendered from it, and it is exactly what a
 * configured provider receives. The CUSTOMER input holds customer-visible data only.
 */
export type EzraInput = EngineerInput | LeadershipInput | CustomerInput;

export interface EngineerInput {
  audience: 'ENGINEER';
  asOf: string;
  incident: StaffIncidentFacts;
  updates: StaffUpdateFacts[];
  analysis: AnalysisResult;
}

export interface LeadershipInput {
  audience: 'LEADERSHIP';
  asOf: string;
  incident: Pick<StaffIncidentFacts, 'number' | 'title' | 'status' | 'priority' | 'serviceArea' | 'impactSummary' | 'blastRadius' | 'createdAt' | 'acknowledgedAt' | 'resolvedAt' | 'closedAt' | 'resolutionSummary' | 'sla'>;
  timeline: { at: string; status: IncidentStatus | null; visibility: Visibility }[];
  linkedReports: number;
  affectedCustomers: number;
  suggestedPriority: PrioritySuggestion;
  similarIncidents: { number: string; title: string; score: number; status: IncidentStatus; resolutionSummary: string | null }[];
}

export interface CustomerInput {
  audience: 'CUSTOMER';
  asOf: string;
  incident: PublicIncidentFacts;
  updates: PublicUpdateFacts[];
  articles: { title: string; slug: string }[];
}

/** 2026-11-23T15:31:58.000Z → 2026-11-23 15:31 UTC */
export const when = (ts: string | null | undefined) => (ts ? `${ts.slice(0, 10)} ${ts.slice(11, 16)} UTC` : 'not yet');

/** Minutes between two instants as "2 d 3 h", "1 h 5 min", "12 min". */
export function duration(from: string, to: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  return `${m} min`;
}

const quote = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const oneLine = (text: string, max = 300) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll('_', ' ');

function engineerReport({ incident: i, updates, analysis: a }: EngineerInput): string {
  const p = a.suggestedPriority;
  const lines = [
    `# Engineering analysis: ${i.number} ${i.title}`,
    '',
    `- Status: ${i.status}; priority ${i.priority}${p.priority !== i.priority ? ` (Ezra suggests ${p.priority})` : ' (Ezra agrees)'}`,
    `- Service area: ${i.serviceArea ?? 'not set'}${a.suggestedServiceArea.area ? `; suggested: ${a.suggestedServiceArea.area}` : ''}`,
    `- Environment: ${i.environment ?? 'not set'}; region: ${i.region ?? 'not set'}; assignee: ${i.assignee ?? 'nobody'}`,
    `- Reach: ${a.affectedCustomers} customer${a.affectedCustomers === 1 ? '' : 's'}, ${a.linkedReports} linked report${a.linkedReports === 1 ? '' : 's'}`,
    '',
    '## Reported',
    quote(i.description),
    '',
    '## Technical notes',
    i.techDescription ? quote(i.techDescription) : 'None recorded.',
    '',
    '## Signals',
    ...(a.signals.length ? a.signals.map((s) => `- ${s.detail} → ${s.suggests}`) : ['- None found.']),
    ...p.reasons.map((r) => `- Priority reason: ${r}`),
    ...a.suggestedServiceArea.reasons.map((r) => `- Service-area reason: ${r}`),
    '',
    '## Similar incidents',
    ...(a.similarIncidents.length
      ? a.similarIncidents.map(
          (s) => `- ${s.number} ${s.title} (${s.status}, ${s.priority}, score ${s.score.toFixed(2)})${s.resolutionSummary ? `: resolved with "${oneLine(s.resolutionSummary)}"` : ''}`,
        )
      : ['- None found.']),
    '',
    '## Suggested articles',
    ...(a.suggestedArticles.length ? a.suggestedArticles.map((s) => `- ${s.title} (/${s.slug}, ${s.visibility}, score ${s.score.toFixed(2)})`) : ['- None found.']),
    '',
    '## Timeline',
    `- ${when(i.createdAt)}: opened`,
    ...updates.slice(-15).map((u) => `- ${when(u.at)}: ${u.kind === 'STATUS' ? `status ${u.status}` : label(u.kind)} (${u.visibility}, ${u.author}): ${oneLine(u.body, 200)}`),
  ];
  if (i.resolutionSummary) lines.push('', '## Resolution', quote(i.resolutionSummary));
  return lines.join('\n');
}

function slaLine(name: string, due: string, doneAt: string | null, breached: boolean | null, asOf: string): string {
  if (doneAt) return `- ${name}: due ${when(due)}, done ${when(doneAt)} (${Date.parse(doneAt) <= Date.parse(due) ? 'met' : 'missed'})`;
  if (breached || Date.parse(asOf) > Date.parse(due)) return `- ${name}: due ${when(due)}, missed by ${duration(due, asOf)}`;
  return `- ${name}: due ${when(due)}, ${duration(asOf, due)} left`;
}

function leadershipReport(input: LeadershipInput): string {
  const { incident: i, asOf } = input;
  const end = i.resolvedAt ?? asOf;
  const p = input.suggestedPriority;
  return [
    `# Leadership brief: ${i.number} ${i.title}`,
    '',
    '## Impact',
    `- Impact: ${i.impactSummary ? oneLine(i.impactSummary) : 'not assessed yet'}`,
    `- Blast radius: ${i.blastRadius ? oneLine(i.blastRadius) : 'not assessed yet'}`,
    `- Customers affected: ${input.affectedCustomers} (${input.linkedReports} linked report${input.linkedReports === 1 ? '' : 's'})`,
    `- Priority: ${i.priority}${p.priority !== i.priority ? `; Ezra suggests ${p.priority} (${p.reasons.join('; ')})` : ''}`,
    `- Service area: ${i.serviceArea ?? 'not set'}`,
    '',
    '## Timeline',
    `- Opened ${when(i.createdAt)}`,
    i.acknowledgedAt ? `- Acknowledged ${when(i.acknowledgedAt)}, ${duration(i.createdAt, i.acknowledgedAt)} after opening` : '- Not acknowledged yet',
    ...input.timeline.filter((e) => e.status && e.status !== 'ACKNOWLEDGED').map((e) => `- ${label(e.status!)} ${when(e.at)}`),
    i.resolvedAt ? `- Resolved after ${duration(i.createdAt, end)}` : `- Open for ${duration(i.createdAt, end)} (status ${i.status})`,
    '',
    '## SLA',
    `- State: ${i.sla.state ?? 'unknown'}`,
    slaLine('First response', i.sla.responseDueAt, i.acknowledgedAt, i.sla.responseBreached, asOf),
    slaLine('Resolution', i.sla.resolutionDueAt, i.resolvedAt, i.sla.resolutionBreached, asOf),
    '',
    '## Precedent',
    ...(input.similarIncidents.length
      ? input.similarIncidents.map((s) => `- ${s.number} ${s.title} (${s.status}, score ${s.score.toFixed(2)})${s.resolutionSummary ? `: ${oneLine(s.resolutionSummary, 160)}` : ''}`)
      : ['- No similar past incident.']),
    ...(i.resolutionSummary ? ['', '## Resolution', oneLine(i.resolutionSummary, 1000)] : []),
  ].join('\n');
}

const CUSTOMER_STATUS: Record<IncidentStatus, string> = {
  OPEN: 'We have received your report and will look at it shortly.',
  ACKNOWLEDGED: 'Our team has picked up your report.',
  INVESTIGATION: 'Our team is investigating the problem.',
  MITIGATED: 'We have put a fix in place and are watching that it holds.',
  RESOLVED: 'The problem has been resolved.',
  CLOSED: 'This ticket is closed.',
};

/** Built from the customer view only: the report can be sent to the reporter as it is. */
function customerReport({ incident: i, updates, articles }: CustomerInput): string {
  const lines = [
    `# Update on your report ${i.number}: ${i.title}`,
    '',
    CUSTOMER_STATUS[i.status],
    '',
    `- Status: ${label(i.status)}`,
    `- Priority: ${label(i.priority)}`,
    `- Reported: ${when(i.createdAt)}`,
    i.acknowledgedAt ? `- First response: ${when(i.acknowledgedAt)}` : `- First response due by ${when(i.responseDueAt)}`,
    i.resolvedAt ? `- Resolved: ${when(i.resolvedAt)}` : `- Resolution targeted by ${when(i.resolutionDueAt)}`,
  ];
  if (i.resolutionSummary && (i.status === 'RESOLVED' || i.status === 'CLOSED')) lines.push('', '## Resolution', i.resolutionSummary.trim());
  const recent = updates.filter((u) => u.kind === 'COMMENT' || u.kind === 'STATUS').slice(-5);
  if (recent.length) lines.push('', '## Latest updates', ...recent.map((u) => `- ${when(u.at)}, ${u.author}: ${oneLine(u.body, 400)}`));
  if (articles.length) lines.push('', '## Articles that may help', ...articles.map((a) => `- ${a.title} (${a.slug})`));
  lines.push('', 'Reply to this ticket if anything changes on your side.');
  return lines.join('\n');
}

/** The deterministic report for the input's audience (markdown). */
export function renderReport(input: EzraInput): string {
  switch (input.audience) {
    case 'ENGINEER':
      return engineerReport(input);
    case 'LEADERSHIP':
      return leadershipReport(input);
    case 'CUSTOMER':
      return customerReport(input);
  }
}
