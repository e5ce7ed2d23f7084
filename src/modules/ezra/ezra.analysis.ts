import { type IncidentStatus, type Priority, type Visibility } from '../incident/incident.entity';

/** Names the deterministic analyzer (stored with each run, so a later change of rules is visible). */
export const ANALYZER = 'ezra-deterministic-1';

export interface SimilarIncident {
  id: string;
  number: string;
  title: string;
  status: IncidentStatus;
  priority: Priority;
  /** 0..1: 70% full-text cover density of this incident's words, 30% trigram similarity of the titles. */
  score: number;
  resolutionSummary: string | null;
  resolvedAt: string | null;
  serviceArea: string | null;
}

export interface SuggestedArticle {
  id: string;
  slug: string;
  title: string;
  visibility: Visibility;
  /** 0..1, like SimilarIncident.score. */
  score: number;
}

export const SIGNAL_KINDS = [
  'OUTAGE',
  'DATA_LOSS',
  'SECURITY',
  'SERVER_ERROR',
  'TIMEOUT',
  'CLIENT_ERROR',
  'PERFORMANCE',
  'LOW_IMPACT',
  'AFFECTED_CUSTOMERS',
  'LINKED_REPORTS',
  'SIMILAR_INCIDENTS',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface Signal {
  kind: SignalKind;
  /** What was found, e.g. `Outage words: "down", "unavailable"`. */
  detail: string;
  /** The priority this signal points to. */
  suggests: Priority;
}

export interface PrioritySuggestion {
  priority: Priority;
  current: Priority;
  reasons: string[];
}

export interface ServiceAreaSuggestion {
  area: string | null;
  current: string | null;
  reasons: string[];
}

/** What a run stores beside its report: the same for every audience, read by staff only. */
export interface AnalysisResult {
  similarIncidents: SimilarIncident[];
  suggestedArticles: SuggestedArticle[];
  suggestedPriority: PrioritySuggestion;
  suggestedServiceArea: ServiceAreaSuggestion;
  signals: Signal[];
  /** Reports linked to this incident (incidents.parent_id). */
  linkedReports: number;
  /** Distinct customer organizations (or reporters without one) among the incident and its linked reports. */
  affectedCustomers: number;
}

const RANK: Record<Priority, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };
const higher = (a: Priority, b: Priority) => (RANK[a] >= RANK[b] ? a : b);

/** Text rules: each names a kind, the priority it points to and the words that reveal it. */
const TEXT_RULES: { kind: SignalKind; suggests: Priority; label: string; pattern: RegExp }[] = [
  {
    kind: 'OUTAGE',
    suggests: 'CRITICAL',
    label: 'Outage words',
    pattern:
      /\b(outages?|offline|unavailable|unreachable|(?:is|are|went|was|were|been|goes|site|service|api|app|system|platform|everything)\s+down|not (?:working|loading|responding) (?:at all|for anyone|for all)|no one can|nobody can|(?:all|every) (?:users|customers|requests)|everyone)\b/g,
  },
  { kind: 'DATA_LOSS', suggests: 'CRITICAL', label: 'Data-loss words', pattern: /\b(data loss|lost (?:data|records|orders)|data (?:is |was )?(?:deleted|missing|corrupted)|corrupt(?:ed|ion)?)\b/g },
  {
    kind: 'SECURITY',
    suggests: 'CRITICAL',
    label: 'Security words',
    pattern: /\b(security|breach(?:ed)?|leak(?:ed|s)?|unauthori[sz]ed|vulnerab\w*|exploit\w*|compromised|phishing)\b/g,
  },
  {
    kind: 'SERVER_ERROR',
    suggests: 'HIGH',
    label: 'Server error codes',
    pattern: /\b(50[0-4]|internal server error|bad gateway|service unavailable|gateway time-?out)\b/g,
  },
  { kind: 'TIMEOUT', suggests: 'HIGH', label: 'Timeouts', pattern: /\b(time-?outs?|timed? out|timing out)\b/g },
  { kind: 'CLIENT_ERROR', suggests: 'MEDIUM', label: 'Client error codes', pattern: /\b(40[0134]|429|forbidden|not found|too many requests)\b/g },
  { kind: 'PERFORMANCE', suggests: 'MEDIUM', label: 'Performance words', pattern: /\b(slow(?:ly|ness)?|latency|lag(?:gy|s)?|sluggish|degraded|p9[59])\b/g },
  {
    kind: 'LOW_IMPACT',
    suggests: 'LOW',
    label: 'Low-impact words',
    pattern: /\b(question|how (?:do|can) i|feature request|typo|cosmetic|documentation|would like|suggestion|nice to have)\b/g,
  },
];

/** The signals found in a text (lower-cased matching), each with the distinct words that revealed it. */
export function textSignals(text: string): Signal[] {
  const lower = text.toLowerCase();
  const found: Signal[] = [];
  for (const rule of TEXT_RULES) {
    const words = [...new Set([...lower.matchAll(rule.pattern)].map((m) => m[1].replace(/\s+/g, ' ')))];
    if (words.length) found.push({ kind: rule.kind, suggests: rule.suggests, detail: `${rule.label}: ${words.slice(0, 5).map((w) => `"${w}"`).join(', ')}` });
  }
  return found;
}

/** Signals from the incident's reach: linked reports and affected customers. */
export function reachSignals(linkedReports: number, affectedCustomers: number): Signal[] {
  const signals: Signal[] = [];
  if (affectedCustomers >= 2) {
    signals.push({
      kind: 'AFFECTED_CUSTOMERS',
      suggests: affectedCustomers >= 5 ? 'CRITICAL' : 'HIGH',
      detail: `${affectedCustomers} customers affected`,
    });
  }
  if (linkedReports >= 1) {
    signals.push({
      kind: 'LINKED_REPORTS',
      suggests: linkedReports >= 5 ? 'CRITICAL' : linkedReports >= 2 ? 'HIGH' : 'MEDIUM',
      detail: `${linkedReports} linked report${linkedReports === 1 ? '' : 's'}`,
    });
  }
  return signals;
}

/** The priority most of the close similar incidents had (a weak signal: used only when nothing else is found). */
export function similarSignal(similar: SimilarIncident[]): Signal | null {
  const close = similar.filter((s) => s.score >= 0.3);
  if (!close.length) return null;
  const counts = new Map<Priority, number>();
  for (const s of close) counts.set(s.priority, (counts.get(s.priority) ?? 0) + 1);
  const [priority, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || RANK[b[0]] - RANK[a[0]])[0];
  return { kind: 'SIMILAR_INCIDENTS', suggests: priority, detail: `${n} of ${close.length} close similar incident${close.length === 1 ? ' was' : 's were'} ${priority}` };
}

/**
 * The highest priority any strong signal points to, with every signal as a reason. Low-impact words only
 * lower the priority when nothing else was found; similar incidents only count when the text says nothing.
 */
export function suggestPriority(current: Priority, signals: Signal[]): PrioritySuggestion {
  const strong = signals.filter((s) => s.kind !== 'LOW_IMPACT' && s.kind !== 'SIMILAR_INCIDENTS');
  const reason = (s: Signal) => `${s.detail} → ${s.suggests}`;
  if (strong.length) {
    const priority = strong.map((s) => s.suggests).reduce(higher);
    return { priority, current, reasons: strong.map(reason) };
  }
  const low = signals.find((s) => s.kind === 'LOW_IMPACT');
  if (low) return { priority: 'LOW', current, reasons: [reason(low)] };
  const similar = signals.find((s) => s.kind === 'SIMILAR_INCIDENTS');
  if (similar) return { priority: similar.suggests, current, reasons: [reason(similar)] };
  return { priority: current, current, reasons: ['No signal found in the text; the reported priority stands.'] };
}

/** Service areas and the words that point to them. */
export const SERVICE_AREAS: Record<string, string[]> = {
  payments: ['payment', 'payments', 'checkout', 'card', 'invoice', 'invoices', 'billing', 'refund', 'charge', 'subscription', 'pay now'],
  authentication: ['login', 'log in', 'sign in', 'signin', 'password', 'sso', 'oauth', '2fa', 'mfa', 'two-factor', 'session', 'token'],
  api: ['api', 'endpoint', 'webhook', 'webhooks', 'rate limit', 'sdk', 'integration'],
  database: ['database', 'db', 'query', 'postgres', 'postgresql', 'mysql', 'replica', 'deadlock', 'connection pool'],
  network: ['dns', 'network', 'cdn', 'ssl', 'tls', 'certificate', 'load balancer', 'gateway', 'firewall'],
  notifications: ['email', 'e-mail', 'e-mails', 'emails', 'notification', 'notifications', 'sms', 'push'],
  storage: ['upload', 'download', 'file', 'files', 'storage', 'disk', 's3', 'backup'],
  frontend: ['page', 'button', 'ui', 'browser', 'layout', 'display'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The service area the words point to (title words count double), plus one vote per close similar incident
 * for the area it was filed under. Ties go to the area listed first.
 */
export function suggestServiceArea(title: string, text: string, current: string | null, similar: SimilarIncident[]): ServiceAreaSuggestion {
  const scores = new Map<string, { points: number; words: Set<string>; votes: number }>();
  const entry = (area: string) => scores.get(area) ?? scores.set(area, { points: 0, words: new Set(), votes: 0 }).get(area)!;
  const lowerTitle = title.toLowerCase();
  const lowerText = text.toLowerCase();
  for (const [area, words] of Object.entries(SERVICE_AREAS)) {
    for (const word of words) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, 'gu');
      const inTitle = (lowerTitle.match(re) ?? []).length;
      const inText = (lowerText.match(re) ?? []).length;
      if (inTitle + inText) {
        const e = entry(area);
        e.points += 2 * inTitle + inText;
        e.words.add(word);
      }
    }
  }
  for (const s of similar) {
    if (s.score < 0.3 || !s.serviceArea?.trim()) continue;
    const e = entry(s.serviceArea.trim().toLowerCase());
    e.points += 1;
    e.votes += 1;
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].points - a[1].points);
  if (!ranked.length) return { area: null, current, reasons: ['No service-area words found, and no close similar incident names one.'] };
  const [area, best] = ranked[0];
  const reasons: string[] = [];
  if (best.words.size) reasons.push(`Words: ${[...best.words].slice(0, 6).map((w) => `"${w}"`).join(', ')}`);
  if (best.votes) reasons.push(`${best.votes} close similar incident${best.votes === 1 ? ' was' : 's were'} filed under ${area}`);
  return { area, current, reasons };
}

export interface AnalysisFacts {
  title: string;
  /** Every text the analyzer may read for this incident (staff side: internal text included). */
  text: string;
  priority: Priority;
  serviceArea: string | null;
  linkedReports: number;
  affectedCustomers: number;
  similarIncidents: SimilarIncident[];
  suggestedArticles: SuggestedArticle[];
}

/** The deterministic analysis: the same facts always give the same result. */
export function analyze(facts: AnalysisFacts): AnalysisResult {
  const signals = [...textSignals(`${facts.title}\n${facts.text}`), ...reachSignals(facts.linkedReports, facts.affectedCustomers)];
  const similar = similarSignal(facts.similarIncidents);
  if (similar) signals.push(similar);
  return {
    similarIncidents: facts.similarIncidents,
    suggestedArticles: facts.suggestedArticles,
    suggestedPriority: suggestPriority(facts.priority, signals),
    suggestedServiceArea: suggestServiceArea(facts.title, facts.text, facts.serviceArea, facts.similarIncidents),
    signals,
    linkedReports: facts.linkedReports,
    affectedCustomers: facts.affectedCustomers,
  };
}
