/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Accepting a staff invitation. */
export type AcceptInvitationInput = {
  /** The member's first name. */
  firstName?: string | null | undefined;
  /** The member's last name. */
  lastName?: string | null | undefined;
  /** The password to sign in with: 8 to 128 characters, not a common one. */
  password: string;
  /** The token from the invitation link. */
  token: string;
};

/** Accepting a portal invitation: the token from its e-mail and the password to sign in with. */
export type AcceptPortalInvitationInput = {
  /** The password to sign in with: 8 to 128 characters, not a common one. */
  password: string;
  /** The token from the invitation link. */
  token: string;
};

/** ENGINEER: technical, internal data included. LEADERSHIP: impact, timeline, SLA. CUSTOMER: customer-visible data only, safe to send to the reporter. */
export const AnalysisAudience = {
  /** For the reporter: customer-visible data only. */
  Customer: 'CUSTOMER',
  /** For the engineers on it: technical, internal data included. */
  Engineer: 'ENGINEER',
  /** For leadership: impact, timeline, SLA. */
  Leadership: 'LEADERSHIP'
} as const;

export type AnalysisAudience = typeof AnalysisAudience[keyof typeof AnalysisAudience];
/** NOT_CONFIGURED: no provider is set, nothing was sent anywhere. */
export const AnalysisProviderStatus = {
  /** The provider failed; see error. */
  Failed: 'FAILED',
  /** No provider is set (EZRA_PROVIDER_URL): nothing was sent anywhere. */
  NotConfigured: 'NOT_CONFIGURED',
  /** Its worker job has not run yet. */
  Pending: 'PENDING',
  /** The provider answered. */
  Succeeded: 'SUCCEEDED'
} as const;

export type AnalysisProviderStatus = typeof AnalysisProviderStatus[keyof typeof AnalysisProviderStatus];
/** What kind of sign Ezra found. */
export const AnalysisSignalKind = {
  /** Several customer organizations affected. */
  AffectedCustomers: 'AFFECTED_CUSTOMERS',
  /** 4xx errors mentioned. */
  ClientError: 'CLIENT_ERROR',
  /** Words of lost or corrupted data. */
  DataLoss: 'DATA_LOSS',
  /** Several reports linked to the incident. */
  LinkedReports: 'LINKED_REPORTS',
  /** Words of little impact (cosmetic, typo...). */
  LowImpact: 'LOW_IMPACT',
  /** Words of an outage (down, unavailable...). */
  Outage: 'OUTAGE',
  /** Slowness mentioned. */
  Performance: 'PERFORMANCE',
  /** Words of a security problem (breach, leak...). */
  Security: 'SECURITY',
  /** 5xx errors mentioned. */
  ServerError: 'SERVER_ERROR',
  /** Similar past incidents, and their priorities. */
  SimilarIncidents: 'SIMILAR_INCIDENTS',
  /** Timeouts mentioned. */
  Timeout: 'TIMEOUT'
} as const;

export type AnalysisSignalKind = typeof AnalysisSignalKind[keyof typeof AnalysisSignalKind];
/** AUTO: after a portal customer reported the incident. MANUAL: asked for by staff. */
export const AnalysisTrigger = {
  /** Run when a portal customer reported the incident. */
  Auto: 'AUTO',
  /** Asked for by staff. */
  Manual: 'MANUAL'
} as const;

export type AnalysisTrigger = typeof AnalysisTrigger[keyof typeof AnalysisTrigger];
/** DRAFT → PUBLISHED → ARCHIVED (an archived article can be published again). */
export const ArticleStatus = {
  /** Withdrawn: staff only, may be published again. */
  Archived: 'ARCHIVED',
  /** Being written: staff only. */
  Draft: 'DRAFT',
  /** Live: customers see it if PUBLIC. */
  Published: 'PUBLISHED'
} as const;

export type ArticleStatus = typeof ArticleStatus[keyof typeof ArticleStatus];
/** A chain position and its hash, recorded outside the database from an earlier verification (headSequence, headHash). */
export type AuditChainAnchorInput = {
  /** The hash the entry at that position had (SHA-256, lower-case hex). */
  hash: string;
  /** The position (1 is the first entry). */
  sequence: string;
};

/** Why an audit entry does not fit its chain. */
export const AuditChainBreakReason = {
  /** The chain no longer holds the entry recorded as the anchor at this position: its history was rewritten or cut. */
  AnchorMismatch: 'ANCHOR_MISMATCH',
  /** The entry was changed after it was written: its hash no longer matches its content. */
  ContentChanged: 'CONTENT_CHANGED',
  /** Entries before this one are missing from the chain. */
  EntryMissing: 'ENTRY_MISSING',
  /** The entry claims a place in the chain it was never given: it was added around the chain. */
  ExtraEntry: 'EXTRA_ENTRY',
  /** The newest entry does not match the chain's head: it was changed or replaced. */
  HeadMismatch: 'HEAD_MISMATCH',
  /** The entry does not follow the one before it: an earlier entry was changed or replaced. */
  LinkBroken: 'LINK_BROKEN',
  /** The newest entries of the chain are missing. */
  TailMissing: 'TAIL_MISSING',
  /** The entry was written outside the chain. */
  Unchained: 'UNCHAINED'
} as const;

export type AuditChainBreakReason = typeof AuditChainBreakReason[keyof typeof AuditChainBreakReason];
/** All given conditions must hold. */
export type AuditLogFilterInput = {
  /** Actions starting with this, e.g. "portal_user." or "auth.login". */
  action?: string | null | undefined;
  /** Entries by this staff member or portal user. */
  actorId?: string | null | undefined;
  /** From this time on (inclusive). */
  from?: string | null | undefined;
  /** Entries about this row (with targetType). */
  targetId?: string | null | undefined;
  /** e.g. customer, portal_user, incident, user, tenant. */
  targetType?: string | null | undefined;
  /** Before this time (exclusive). */
  to?: string | null | undefined;
};

/** Who wrote an update. */
export const AuthorKind = {
  /** A portal user. */
  Customer: 'CUSTOMER',
  /** A staff member. */
  Staff: 'STAFF',
  /** The server itself (SLA checks, linked incidents). */
  System: 'SYSTEM'
} as const;

export type AuthorKind = typeof AuthorKind[keyof typeof AuthorKind];
/** The customer address to send a new code to, and the workspace when it has accounts in several (customerEmailOtpResend). */
export type CustomerEmailOtpResendInput = {
  /**
   * The company (workspace) of the account; none: every company with the address.
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The account's address. */
  email: string;
  /** The workspace of the account; none: every workspace with the address. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** Verifying a customer's address with the code e-mailed at registration (customerEmailVerify). */
export type CustomerEmailVerifyInput = {
  /**
   * The company registered with, when the address has accounts in several.
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The registered address. */
  email: string;
  /** The 6-digit code from the e-mail. */
  otp: string;
  /** The workspace registered with, when the address has accounts in several. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** Which organizations to list. */
export type CustomerFilterInput = {
  /** Part of the name, any case. */
  q?: string | null | undefined;
};

/** Customer login. Without a workspace, the one account whose e-mail and password match signs in. */
export type CustomerLoginInput = {
  /**
   * The company (workspace) to sign in to, by id (Scrubbe).
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
  /**
   * The workspace to sign in to, by slug (OpsWeave).
   * @deprecated Use `workspace`.
   */
  tenantSlug?: string | null | undefined;
  /** The workspace to sign in to; needed only when the address has accounts in several. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** A new portal password set with a reset token (customerPasswordReset). */
export type CustomerPasswordResetInput = {
  /** The new password: 8 to 128 characters, not a common one. */
  password: string;
  /** The token from the reset link. */
  token: string;
};

/** The customer account's address to e-mail a reset token to, and the workspace when it has accounts in several (customerPasswordResetRequest). */
export type CustomerPasswordResetRequestInput = {
  /**
   * The company (workspace) of the account; none: every company with the address.
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The account's address. */
  email: string;
  /** The workspace of the account; none: every workspace with the address. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** A portal password-reset token to check (customerPasswordResetTokenCheck). */
export type CustomerPasswordResetTokenCheckInput = {
  /** The token from the reset link. */
  token: string;
};

/** Customer self-registration in a company open to sign-up (customerRegister). */
export type CustomerRegisterInput = {
  /**
   * A company id from `companies`.
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The sign-in address; the code to verify it is e-mailed there. */
  email: string;
  /** The customer's display name, 1 to 100 characters. */
  name: string;
  /** The password: 8 to 128 characters, not a common one. */
  password: string;
  /** The workspace to register with, one open to sign-up (`signupWorkspaces`); required. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** A portal refresh token to exchange for a new access token (customerSessionRefresh). */
export type CustomerSessionRefreshInput = {
  /** The refresh token from the sign-in (or the last refresh). */
  refreshToken: string;
};

/** Asks for a portal sign-in link by e-mail (customerSignInLinkRequest), in the workspace named or in each where the address has an account. */
export type CustomerSignInLinkRequestInput = {
  /**
   * The workspace, by id (Scrubbe).
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /** The address the link goes to. */
  email: string;
  /**
   * The workspace, by slug (OpsWeave).
   * @deprecated Use `workspace`.
   */
  tenantSlug?: string | null | undefined;
  /** The workspace; none: each workspace where the address has an account. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** How a notification is delivered. */
export const DeliveryChannel = {
  /** An e-mail. */
  Email: 'EMAIL',
  /** A signed POST to a webhook endpoint. */
  Webhook: 'WEBHOOK'
} as const;

export type DeliveryChannel = typeof DeliveryChannel[keyof typeof DeliveryChannel];
/** PENDING: queued or waiting for its next try. SENT: delivered. FAILED: every try failed (the dead letter); an ADMIN may retry it. */
export const DeliveryStatus = {
  /** Every try failed (the dead letter); an ADMIN may retry it. */
  Failed: 'FAILED',
  /** Queued, or waiting for its next try. */
  Pending: 'PENDING',
  /** Delivered. */
  Sent: 'SENT'
} as const;

export type DeliveryStatus = typeof DeliveryStatus[keyof typeof DeliveryStatus];
/** The staff address to send a new code to (emailOtpResend). */
export type EmailOtpResendInput = {
  /** The address. */
  email: string;
};

/** Verifying a staff address with the e-mailed code (emailVerify). */
export type EmailVerifyInput = {
  /** The registered address. */
  email: string;
  /** The 6-digit code from the e-mail. */
  otp: string;
};

/** A staff-created incident (incidentCreate): the portal fields plus triage, assignee, organization and reporter. */
export type IncidentCreateInput = {
  /** Needs the MANAGER role. */
  assigneeId?: string | null | undefined;
  /** How far the failure reaches (internal). */
  blastRadius?: string | null | undefined;
  /** The customer organization it concerns. */
  customerId?: string | null | undefined;
  /** What happened, as customers may read it, 1 to 10,000 characters. */
  description: string;
  /** Where it happens: production, staging... (internal). */
  environment?: string | null | undefined;
  /** Who and what is affected, for staff (internal). */
  impactSummary?: string | null | undefined;
  /** The priority; it sets the SLA due times. */
  priority: Priority;
  /** The region affected (internal). */
  region?: string | null | undefined;
  /** Raise it on behalf of this portal user. */
  reporterCustomerId?: string | null | undefined;
  /** The service or component at fault (internal; Ezra suggests one). */
  serviceArea?: string | null | undefined;
  /** STAFF (default) or API. */
  source?: IncidentSource | null | undefined;
  /** The technical description (internal). */
  techDescription?: string | null | undefined;
  /** A short title, 1 to 200 characters. */
  title: string;
  /** INCIDENT (default) or CHANGE. */
  type?: IncidentType;
};

/** Which incidents to list; all given conditions must hold. */
export type IncidentFilterInput = {
  /** Incidents assigned to this staff member. */
  assigneeId?: string | null | undefined;
  /** Incidents of this customer organization. */
  customerId?: string | null | undefined;
  /** The reports linked to this parent incident. */
  parentId?: string | null | undefined;
  /** Incidents of this priority. */
  priority?: Priority | null | undefined;
  /** Matches number, title and description. */
  q?: string | null | undefined;
  /** Incidents whose resolution SLA is in this state. */
  slaState?: SlaState | null | undefined;
  /** Incidents reported this way. */
  source?: IncidentSource | null | undefined;
  /** Incidents in this status. */
  status?: IncidentStatus | null | undefined;
  /** Incidents or changes only. */
  type?: IncidentType | null | undefined;
};

/** What an incident list is sorted by. */
export const IncidentSortField = {
  /** When reported. */
  CreatedAt: 'CREATED_AT',
  /** Number, in the order reported. */
  Number: 'NUMBER',
  /** Priority, LOW to CRITICAL. */
  Priority: 'PRIORITY',
  /** When last changed. */
  UpdatedAt: 'UPDATED_AT'
} as const;

export type IncidentSortField = typeof IncidentSortField[keyof typeof IncidentSortField];
/** The order of an incident list. */
export type IncidentSortInput = {
  /** ASC or DESC (default). */
  direction?: SortDirection;
  /** What to sort by (CREATED_AT by default). */
  field?: IncidentSortField;
};

/** How an incident was reported. */
export const IncidentSource = {
  /** By staff, for an automated system. */
  Api: 'API',
  /** By a customer, through the portal. */
  Portal: 'PORTAL',
  /** By staff. */
  Staff: 'STAFF'
} as const;

export type IncidentSource = typeof IncidentSource[keyof typeof IncidentSource];
/** OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED; a resolved or closed incident may be reopened. */
export const IncidentStatus = {
  /** Staff have responded (this ends the response SLA). */
  Acknowledged: 'ACKNOWLEDGED',
  /** Done with. */
  Closed: 'CLOSED',
  /** The cause is being looked for. */
  Investigation: 'INVESTIGATION',
  /** The impact is contained; the fix is not final. */
  Mitigated: 'MITIGATED',
  /** Reported, nobody has responded yet. */
  Open: 'OPEN',
  /** Fixed (this ends the resolution SLA); the reporter may rate it. */
  Resolved: 'RESOLVED'
} as const;

export type IncidentStatus = typeof IncidentStatus[keyof typeof IncidentStatus];
/** The incident and a move along the status machine (OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED, and reopening). */
export type IncidentStatusChangeInput = {
  /** When resolving: also draft a knowledge-base article (INTERNAL, DRAFT) from the title, description and resolution summary. */
  createKbDraft?: boolean | null | undefined;
  /** The incident's id or number. */
  id: string;
  /** Keep the status event INTERNAL (default PUBLIC). */
  internal?: boolean | null | undefined;
  /** Shown as the status event's text. */
  note?: string | null | undefined;
  /** Required to resolve. */
  resolutionSummary?: string | null | undefined;
  /** The status to move to. */
  status: IncidentStatus;
  /** Refuse the change if the incident moved past this version. */
  version?: number | null | undefined;
};

/** An incident (something broke) or a change (something is to be changed). */
export const IncidentType = {
  /** A change request (CHG- numbers). */
  Change: 'CHANGE',
  /** Something is broken or degraded (INC- numbers). */
  Incident: 'INCIDENT'
} as const;

export type IncidentType = typeof IncidentType[keyof typeof IncidentType];
/** A staff comment on an incident. */
export type IncidentUpdateAddInput = {
  /** The text, 1 to 5,000 characters. */
  body: string;
  /** The incident's id or number. */
  id: string;
  /** INTERNAL (default) or PUBLIC. */
  visibility?: Visibility;
};

/** The incident, the version read, and the fields to change; omitted fields stay as they are, null clears an optional one. */
export type IncidentUpdateFieldsInput = {
  /** How far the failure reaches (internal). */
  blastRadius?: string | null | undefined;
  /** The customer organization it concerns; null: none. */
  customerId?: string | null | undefined;
  /** A new description, 1 to 10,000 characters. */
  description?: string | null | undefined;
  /** Where it happens: production, staging... (internal). */
  environment?: string | null | undefined;
  /** The incident's id or number. */
  id: string;
  /** Who and what is affected, for staff (internal). */
  impactSummary?: string | null | undefined;
  /** Recomputes the SLA due times. */
  priority?: Priority | null | undefined;
  /** The region affected (internal). */
  region?: string | null | undefined;
  /** The service or component at fault (internal; Ezra suggests one). */
  serviceArea?: string | null | undefined;
  /** The technical description (internal). */
  techDescription?: string | null | undefined;
  /** A new title, 1 to 200 characters. */
  title?: string | null | undefined;
  /** The version read (Incident.version): a change made since refuses this one. */
  version: number;
};

/** A new article (kbArticleCreate): saved as a DRAFT, revision 1. */
export type KbArticleCreateInput = {
  /** A category to group articles by, at most 100 characters. */
  category?: string | null | undefined;
  /** Markdown; rendered to sanitized HTML on save. */
  markdown: string;
  /** Lower-case letters, digits and dashes; derived from the title when omitted. */
  slug?: string | null | undefined;
  /** At most 20; stored lower-cased. */
  tags?: Array<string> | null | undefined;
  /** The title, 1 to 200 characters. */
  title: string;
  /** PUBLIC: customers see it once published. INTERNAL: staff only. */
  visibility: Visibility;
};

/** Which articles staff list; all given conditions must hold. */
export type KbArticleFilterInput = {
  /** Articles of this category. */
  category?: string | null | undefined;
  /** Full-text search (words, "phrases", -excluded), with a typo fallback. */
  q?: string | null | undefined;
  /** Articles drafted from this incident. */
  sourceIncidentId?: string | null | undefined;
  /** Articles in this status. */
  status?: ArticleStatus | null | undefined;
  /** Articles with this tag. */
  tag?: string | null | undefined;
  /** PUBLIC or INTERNAL articles only. */
  visibility?: Visibility | null | undefined;
};

/** The article and the fields to change; omitted fields stay as they are, null clears category or tags. Every change is a new revision. */
export type KbArticleUpdateInput = {
  /** A new category; null: none. */
  category?: string | null | undefined;
  /** The id or the slug. */
  id: string;
  /** New markdown; rendered to sanitized HTML on save. */
  markdown?: string | null | undefined;
  /** The revision you edited; refused with STALE_REVISION if the article moved past it. */
  revision?: number | null | undefined;
  /** Changing it breaks links to the old one. */
  slug?: string | null | undefined;
  /** The new tags (they replace the old ones); null: none. */
  tags?: Array<string> | null | undefined;
  /** A new title, 1 to 200 characters. */
  title?: string | null | undefined;
  /** PUBLIC or INTERNAL. */
  visibility?: Visibility | null | undefined;
};

/** Staff credentials. */
export type LoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
};

/** Staff: NEW_CUSTOMER_TICKET, CUSTOMER_COMMENT, SLA_BREACH (on-call recipients), INCIDENT_ASSIGNED. Portal users: TICKET_STATUS_CHANGE, TICKET_PUBLIC_UPDATE, and the opt-in ORGANIZATION_TICKETS. */
export const NotificationKind = {
  /** A customer commented on a ticket (on-call recipients). */
  CustomerComment: 'CUSTOMER_COMMENT',
  /** An incident was assigned to you. */
  IncidentAssigned: 'INCIDENT_ASSIGNED',
  /** A customer reported a ticket (on-call recipients). */
  NewCustomerTicket: 'NEW_CUSTOMER_TICKET',
  /** Also follow your organization's tickets that others reported (when your organization shares tickets). */
  OrganizationTickets: 'ORGANIZATION_TICKETS',
  /** A response or resolution target passed (on-call recipients). */
  SlaBreach: 'SLA_BREACH',
  /** The support team posted an update on a ticket you follow. */
  TicketPublicUpdate: 'TICKET_PUBLIC_UPDATE',
  /** The status of a ticket you follow changed. */
  TicketStatusChange: 'TICKET_STATUS_CHANGE'
} as const;

export type NotificationKind = typeof NotificationKind[keyof typeof NotificationKind];
/** A new customer organization (organizationCreate). */
export type OrganizationCreateInput = {
  /** The organization's name, 1 to 200 characters. */
  name: string;
  /** OWN (default) or ORGANIZATION. */
  sharingMode?: SharingMode;
};

/** The organization to change and the fields to change (organizationUpdate); omitted fields stay as they are. */
export type OrganizationUpdateInput = {
  /** The organization's id. */
  id: string;
  /** A new name, 1 to 200 characters. */
  name?: string | null | undefined;
  /** Applies to the members' ticket lists at once. */
  sharingMode?: SharingMode | null | undefined;
};

/** A password change by the signed-in staff member (passwordChange). */
export type PasswordChangeInput = {
  /** The password now. */
  currentPassword: string;
  /** The new password: 8 to 128 characters, not a common one. */
  newPassword: string;
};

/** A new staff password set with a reset token (passwordReset). */
export type PasswordResetInput = {
  /** The new password: 8 to 128 characters, not a common one. */
  password: string;
  /** The token from the reset link. */
  token: string;
};

/** The staff account's address to e-mail a reset token to (passwordResetRequest). */
export type PasswordResetRequestInput = {
  /** The address. */
  email: string;
};

/** A staff password-reset token to check (passwordResetTokenCheck). */
export type PasswordResetTokenCheckInput = {
  /** The token from the reset link. */
  token: string;
};

/** Portal login (OpsWeave): the workspace is required. */
export type PortalLoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
  /**
   * The workspace's slug.
   * @deprecated Use `workspace`.
   */
  tenantSlug?: string | null | undefined;
  /** The workspace to sign in to; required. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** A portal user created by staff (portalUserCreate): an invitation e-mail lets them set a password. */
export type PortalUserCreateInput = {
  /** The customer organization to put the user in. */
  customerId?: string | null | undefined;
  /** The name staff and colleagues see, 1 to 100 characters. */
  displayName: string;
  /** The address the invitation goes to; unique in the workspace. */
  email: string;
};

/** Which portal users to list; all given conditions must hold. */
export type PortalUserFilterInput = {
  /** Active (true) or deactivated (false) users only. */
  active?: boolean | null | undefined;
  /** Users of this organization. */
  customerId?: string | null | undefined;
  /** Part of the e-mail address or display name, any case. */
  q?: string | null | undefined;
};

/** The portal user to change and the fields to change (portalUserUpdate); omitted fields stay as they are. */
export type PortalUserUpdateInput = {
  /** Moves the user to this organization; null takes them out of any. */
  customerId?: string | null | undefined;
  /** A new display name, 1 to 100 characters. */
  displayName?: string | null | undefined;
  /** The portal user's id. */
  id: string;
};

/** How urgent an incident is; each has its SLA targets (slaPolicies). */
export const Priority = {
  /** An outage, data loss or a security breach. */
  Critical: 'CRITICAL',
  /** Many users affected, or an important function down. */
  High: 'HIGH',
  /** Little impact; no rush. */
  Low: 'LOW',
  /** Some users affected, or a workaround exists. */
  Medium: 'MEDIUM'
} as const;

export type Priority = typeof Priority[keyof typeof Priority];
/** Profile fields to change (profileUpdate). The e-mail address cannot be changed here. */
export type ProfileUpdateInput = {
  /** A new first name, 1 to 100 characters. */
  firstName?: string | null | undefined;
  /** A new last name, 1 to 100 characters. */
  lastName?: string | null | undefined;
  /** In any common notation (+44 20 7946 0000, or national with PHONE_DEFAULT_COUNTRY); stored and answered as E.164. null clears it. */
  phone?: string | null | undefined;
};

/** PORTAL, or EMAIL_LINK: the link of the resolution e-mail. */
export const RatingSource = {
  /** Given through the resolution e-mail's link. */
  EmailLink: 'EMAIL_LINK',
  /** Given in the portal. */
  Portal: 'PORTAL'
} as const;

export type RatingSource = typeof RatingSource[keyof typeof RatingSource];
/** Ratings given in a period, of one assignee or all. */
export type RatingSummaryFilterInput = {
  /** Only incidents assigned to this staff member when rated. */
  assigneeId?: string | null | undefined;
  /** Rated at or after this time. */
  from?: string | null | undefined;
  /** Rated before this time. */
  to?: string | null | undefined;
};

/** A new business workspace and its ADMIN owner (Scrubbe). */
export type RegisterBusinessInput = {
  /** The workspace's name, 1 to 100 characters. */
  businessName: string;
  /** The owner's sign-in address; a code to verify it is e-mailed there. */
  email: string;
  /** The password: 8 to 128 characters, not a common one. */
  password: string;
};

/** A new developer account with a workspace of its own. */
export type RegisterDeveloperInput = {
  /** The sign-in address; a code to verify it is e-mailed there. */
  email: string;
  /** The password: 8 to 128 characters, not a common one. */
  password: string;
};

/** A staff refresh token to exchange for a new access token (sessionRefresh). */
export type SessionRefreshInput = {
  /** The refresh token from the sign-in (or the last refresh). */
  refreshToken: string;
};

/** OWN: members see the tickets they reported. ORGANIZATION: members see every ticket of their organization. */
export const SharingMode = {
  /** Members see every ticket of their organization. */
  Organization: 'ORGANIZATION',
  /** Members see the tickets they reported (or take part in). */
  Own: 'OWN'
} as const;

export type SharingMode = typeof SharingMode[keyof typeof SharingMode];
/** Signs in with the token of a sign-in link; naming the workspace refuses a link of another one. */
export type SignInWithLinkInput = {
  /**
   * The workspace the link must be of, by id.
   * @deprecated Use `workspace`.
   */
  companyId?: string | null | undefined;
  /**
   * The workspace the link must be of, by slug.
   * @deprecated Use `workspace`.
   */
  tenantSlug?: string | null | undefined;
  /** The token from the e-mail (its link carries it as `token`). */
  token: string;
  /** The workspace the link must be of. Its id or its slug. */
  workspace?: string | null | undefined;
};

/** New SLA targets for one priority (slaPolicySet). */
export type SlaPolicySetInput = {
  /** The priority. */
  priority: Priority;
  /** Minutes to resolution; at least responseMinutes. */
  resolutionMinutes: number;
  /** Minutes to a first response (acknowledgement). */
  responseMinutes: number;
};

/** OK, AT_RISK (under a quarter of the resolution time left) or BREACHED. */
export const SlaState = {
  /** Under a quarter of the resolution time left. */
  AtRisk: 'AT_RISK',
  /** Late. */
  Breached: 'BREACHED',
  /** On time. */
  Ok: 'OK'
} as const;

export type SlaState = typeof SlaState[keyof typeof SlaState];
/** Ascending or descending. */
export const SortDirection = {
  /** Smallest (or oldest) first. */
  Asc: 'ASC',
  /** Largest (or newest) first. */
  Desc: 'DESC'
} as const;

export type SortDirection = typeof SortDirection[keyof typeof SortDirection];
/** Staff roles, from most to least powerful. */
export const StaffRole = {
  /** Runs the workspace: settings, staff, audit log, webhooks. */
  Admin: 'ADMIN',
  /** Works incidents through their whole life, writes articles. */
  Engineer: 'ENGINEER',
  /** Assigns incidents, manages customers, portal users and SLA targets. */
  Manager: 'MANAGER',
  /** Acknowledges incidents and comments on them. */
  Responder: 'RESPONDER',
  /** The platform operator: every workspace, acting in one with X-Tenant-Id. */
  SuperAdmin: 'SUPER_ADMIN',
  /** Reads. */
  Viewer: 'VIEWER'
} as const;

export type StaffRole = typeof StaffRole[keyof typeof StaffRole];
/** A customer's new ticket, and the key that makes a retry safe. */
export type TicketCreateInput = {
  /** What happened, 1 to 10,000 characters. */
  description: string;
  /** A key of the client's choosing: a retry with the same key returns the ticket the first attempt created. */
  idempotencyKey?: string | null | undefined;
  /** How urgent it is for the customer; it sets the SLA due times. */
  priority: Priority;
  /** A short title, 1 to 200 characters. */
  title: string;
  /** INCIDENT (default) or CHANGE (a change request). */
  type?: IncidentType;
};

/** A satisfaction rating of a ticket: the ticket, 1 (very unhappy) to 5 (very happy), and an optional comment. */
export type TicketRateInput = {
  /** What the customer wants to say, at most 2,000 characters. */
  comment?: string | null | undefined;
  /** 1 (very unhappy) to 5 (very happy). */
  score: number;
  /** The id or the number (INC-…). */
  ticketId: string;
};

/** A rating given through the resolution e-mail's link: the token says who rates which ticket. */
export type TicketRateWithLinkInput = {
  /** What the customer wants to say, at most 2,000 characters. */
  comment?: string | null | undefined;
  /** 1 (very unhappy) to 5 (very happy). */
  score: number;
  /** The token of the link (`token` in its query). */
  token: string;
};

/** What an update of the timeline records. */
export const UpdateKind = {
  /** A new assignee (INTERNAL). */
  Assignment: 'ASSIGNMENT',
  /** A comment. */
  Comment: 'COMMENT',
  /** Edited fields (INTERNAL). */
  FieldChange: 'FIELD_CHANGE',
  /** A status change. */
  Status: 'STATUS'
} as const;

export type UpdateKind = typeof UpdateKind[keyof typeof UpdateKind];
/** PUBLIC updates are shown to customers; INTERNAL ones never are. */
export const Visibility = {
  /** Staff only. */
  Internal: 'INTERNAL',
  /** Customers see it. */
  Public: 'PUBLIC'
} as const;

export type Visibility = typeof Visibility[keyof typeof Visibility];
/** A new webhook endpoint (webhookEndpointCreate). */
export type WebhookEndpointCreateInput = {
  /** A note for ADMINs, at most 500 characters. */
  description?: string | null | undefined;
  /** incident.created, incident.created_by_customer, incident.customer_comment, incident.status_changed, incident.public_update, incident.assigned, incident.sla_breached, incident.attachments_added, incident.participant_added, incident.participant_removed */
  eventTypes: Array<string>;
  /** http(s) URL; must not resolve to a loopback, private, link-local or metadata address. */
  url: string;
};

/** The webhook endpoint to change and the fields to change (webhookEndpointUpdate); omitted ones stay as they are. */
export type WebhookEndpointUpdateInput = {
  /** A new note; null clears it. */
  description?: string | null | undefined;
  /** The event types it receives from now on. */
  eventTypes?: Array<string> | null | undefined;
  /** The endpoint's id. */
  id: string;
  /** False turns it off, true on again. */
  isActive?: boolean | null | undefined;
  /** A new URL (the same rules as on create). */
  url?: string | null | undefined;
};

/** Workspace settings to change (workspaceSettingsUpdate); omitted fields stay as they are. */
export type WorkspaceSettingsUpdateInput = {
  /** True lets customers register themselves (and lists the workspace in `companies`). */
  allowCustomerSignup?: boolean | null | undefined;
  /** A new display name, 1 to 100 characters. */
  name?: string | null | undefined;
};

export type RestCustomerOrganizationFragment = { id: string, name: string, sharingMode: SharingMode, portalUserCount: number, createdAt: string, updatedAt: string };

export type RestPortalUserFragment = { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null };

export type RestCustomersQueryVariables = Exact<{
  filter?: CustomerFilterInput | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestCustomersQuery = { organizations: { items: Array<{ id: string, name: string, sharingMode: SharingMode, portalUserCount: number, createdAt: string, updatedAt: string }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestCustomerQueryVariables = Exact<{
  id: string;
}>;


export type RestCustomerQuery = { organization: { id: string, name: string, sharingMode: SharingMode, portalUserCount: number, createdAt: string, updatedAt: string } | null };

export type RestCreateCustomerMutationVariables = Exact<{
  input: OrganizationCreateInput;
}>;


export type RestCreateCustomerMutation = { organizationCreate: { organization: { id: string, name: string, sharingMode: SharingMode, portalUserCount: number, createdAt: string, updatedAt: string } } | null };

export type RestUpdateCustomerMutationVariables = Exact<{
  input: OrganizationUpdateInput;
}>;


export type RestUpdateCustomerMutation = { organizationUpdate: { organization: { id: string, name: string, sharingMode: SharingMode, portalUserCount: number, createdAt: string, updatedAt: string } } | null };

export type RestDeleteCustomerMutationVariables = Exact<{
  id: string;
}>;


export type RestDeleteCustomerMutation = { organizationDelete: { deletedId: string } | null };

export type RestPortalUsersQueryVariables = Exact<{
  filter?: PortalUserFilterInput | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestPortalUsersQuery = { portalUsers: { items: Array<{ id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestPortalUserQueryVariables = Exact<{
  id: string;
}>;


export type RestPortalUserQuery = { portalUser: { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null } | null };

export type RestCreatePortalUserMutationVariables = Exact<{
  input: PortalUserCreateInput;
}>;


export type RestCreatePortalUserMutation = { portalUserCreate: { portalUser: { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null } } | null };

export type RestUpdatePortalUserMutationVariables = Exact<{
  input: PortalUserUpdateInput;
}>;


export type RestUpdatePortalUserMutation = { portalUserUpdate: { portalUser: { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null } } | null };

export type RestDeactivatePortalUserMutationVariables = Exact<{
  id: string;
}>;


export type RestDeactivatePortalUserMutation = { portalUserDeactivate: { portalUser: { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null } } | null };

export type RestReactivatePortalUserMutationVariables = Exact<{
  id: string;
}>;


export type RestReactivatePortalUserMutation = { portalUserReactivate: { portalUser: { id: string, email: string, displayName: string, customerId: string | null, isActive: boolean, emailVerified: boolean, invitationPending: boolean, createdAt: string, updatedAt: string, customer: { id: string, name: string } | null } } | null };

export type RestSendPortalUserPasswordResetMutationVariables = Exact<{
  id: string;
}>;


export type RestSendPortalUserPasswordResetMutation = { portalUserPasswordResetSend: { sent: boolean } | null };

export type RestAcceptPortalInvitationMutationVariables = Exact<{
  input: AcceptPortalInvitationInput;
}>;


export type RestAcceptPortalInvitationMutation = { acceptPortalInvitation: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, customerId: string | null, tenantId: string } } | null };

export type RestCustomerForgotPasswordMutationVariables = Exact<{
  input: CustomerPasswordResetRequestInput;
}>;


export type RestCustomerForgotPasswordMutation = { customerPasswordResetRequest: { sent: boolean } | null };

export type RestValidateCustomerResetTokenMutationVariables = Exact<{
  input: CustomerPasswordResetTokenCheckInput;
}>;


export type RestValidateCustomerResetTokenMutation = { customerPasswordResetTokenCheck: { valid: boolean, expiresAt: string } | null };

export type RestCustomerResetPasswordMutationVariables = Exact<{
  input: CustomerPasswordResetInput;
}>;


export type RestCustomerResetPasswordMutation = { customerPasswordReset: { reset: boolean } | null };

export type RestTenantSettingsFragment = { id: string, name: string, slug: string, allowCustomerSignup: boolean, updatedAt: string };

export type RestTenantSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type RestTenantSettingsQuery = { workspaceSettings: { id: string, name: string, slug: string, allowCustomerSignup: boolean, updatedAt: string } | null };

export type RestUpdateTenantSettingsMutationVariables = Exact<{
  input: WorkspaceSettingsUpdateInput;
}>;


export type RestUpdateTenantSettingsMutation = { workspaceSettingsUpdate: { settings: { id: string, name: string, slug: string, allowCustomerSignup: boolean, updatedAt: string } } | null };

export type RestAuditLogQueryVariables = Exact<{
  filter?: AuditLogFilterInput | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestAuditLogQuery = { auditLog: { items: Array<{ id: string, action: string, createdAt: string, targetType: string | null, targetId: string | null, ip: string | null, metadata: Record<string, unknown> | null, actor: { kind: string, id: string, email: string | null, displayName: string | null } | null }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestVerifyAuditChainQueryVariables = Exact<{
  anchor?: AuditChainAnchorInput | null | undefined;
}>;


export type RestVerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, checkedEntries: number, headSequence: string, headHash: string | null, firstBroken: { entryId: string | null, sequence: string, reason: AuditChainBreakReason, message: string } | null } | null };

export type RestAuthUserFragment = { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole };

export type RestMeFragment = { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole, businessId: string, createdAt: string, phone: string | null, emailVerified: boolean };

export type RestRegistrationFragment = { user: { id: string, email: string, role: StaffRole }, business: { id: string, name: string, slug: string } };

export type RestLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type RestLoginMutation = { login: { accessToken: string, refreshToken: string, user: { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole } } | null };

export type RestRegisterBusinessMutationVariables = Exact<{
  input: RegisterBusinessInput;
}>;


export type RestRegisterBusinessMutation = { registerBusiness: { user: { id: string, email: string, role: StaffRole }, business: { id: string, name: string, slug: string } } | null };

export type RestRegisterDeveloperMutationVariables = Exact<{
  input: RegisterDeveloperInput;
}>;


export type RestRegisterDeveloperMutation = { registerDeveloper: { user: { id: string, email: string, role: StaffRole }, business: { id: string, name: string, slug: string } } | null };

export type RestVerifyEmailMutationVariables = Exact<{
  input: EmailVerifyInput;
}>;


export type RestVerifyEmailMutation = { emailVerify: { verified: boolean } | null };

export type RestResendOtpMutationVariables = Exact<{
  input: EmailOtpResendInput;
}>;


export type RestResendOtpMutation = { emailOtpResend: { sent: boolean } | null };

export type RestForgotPasswordMutationVariables = Exact<{
  input: PasswordResetRequestInput;
}>;


export type RestForgotPasswordMutation = { passwordResetRequest: { sent: boolean } | null };

export type RestValidateResetTokenMutationVariables = Exact<{
  input: PasswordResetTokenCheckInput;
}>;


export type RestValidateResetTokenMutation = { passwordResetTokenCheck: { valid: boolean, expiresAt: string } | null };

export type RestResetPasswordMutationVariables = Exact<{
  input: PasswordResetInput;
}>;


export type RestResetPasswordMutation = { passwordReset: { reset: boolean } | null };

export type RestRefreshTokenMutationVariables = Exact<{
  input: SessionRefreshInput;
}>;


export type RestRefreshTokenMutation = { sessionRefresh: { accessToken: string, refreshToken: string } | null };

export type RestLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type RestLogoutMutation = { sessionEnd: { ended: boolean } | null };

export type RestChangePasswordMutationVariables = Exact<{
  input: PasswordChangeInput;
}>;


export type RestChangePasswordMutation = { passwordChange: { changed: boolean } | null };

export type RestMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RestMeQuery = { me: { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole, businessId: string, createdAt: string, phone: string | null, emailVerified: boolean } | null };

export type RestUpdateProfileMutationVariables = Exact<{
  input: ProfileUpdateInput;
}>;


export type RestUpdateProfileMutation = { profileUpdate: { me: { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole, businessId: string, createdAt: string, phone: string | null, emailVerified: boolean } } | null };

export type PageAcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type PageAcceptInvitationMutation = { acceptInvitation: { user: { id: string } } | null };

export type CompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type CompaniesQuery = { signupWorkspaces: Array<{ id: string, name: string, slug: string }> | null };

export type RestIncidentAnalysisFragment = { id: string, incidentId: string, incidentNumber: string, version: number, audience: AnalysisAudience, trigger: AnalysisTrigger, analyzer: string, createdAt: string, linkedReports: number, affectedCustomers: number, report: string, requestedBy: { id: string, displayName: string } | null, similarIncidents: Array<{ id: string, number: string, title: string, status: IncidentStatus, priority: Priority, score: number, resolutionSummary: string | null, resolvedAt: string | null, serviceArea: string | null }>, suggestedArticles: Array<{ id: string, slug: string, title: string, visibility: Visibility, score: number }>, suggestedPriority: { priority: Priority, current: Priority, reasons: Array<string> }, suggestedServiceArea: { area: string | null, current: string | null, reasons: Array<string> }, signals: Array<{ kind: AnalysisSignalKind, detail: string, suggests: Priority }>, provider: { status: AnalysisProviderStatus, model: string | null, report: string | null, error: string | null, finishedAt: string | null } };

export type RestAnalyzeIncidentMutationVariables = Exact<{
  id: string;
  audience?: AnalysisAudience | null | undefined;
}>;


export type RestAnalyzeIncidentMutation = { incidentAnalyze: { analysis: { id: string, incidentId: string, incidentNumber: string, version: number, audience: AnalysisAudience, trigger: AnalysisTrigger, analyzer: string, createdAt: string, linkedReports: number, affectedCustomers: number, report: string, requestedBy: { id: string, displayName: string } | null, similarIncidents: Array<{ id: string, number: string, title: string, status: IncidentStatus, priority: Priority, score: number, resolutionSummary: string | null, resolvedAt: string | null, serviceArea: string | null }>, suggestedArticles: Array<{ id: string, slug: string, title: string, visibility: Visibility, score: number }>, suggestedPriority: { priority: Priority, current: Priority, reasons: Array<string> }, suggestedServiceArea: { area: string | null, current: string | null, reasons: Array<string> }, signals: Array<{ kind: AnalysisSignalKind, detail: string, suggests: Priority }>, provider: { status: AnalysisProviderStatus, model: string | null, report: string | null, error: string | null, finishedAt: string | null } } } | null };

export type RestIncidentAnalysisQueryVariables = Exact<{
  incidentId: string;
  audience?: AnalysisAudience | null | undefined;
}>;


export type RestIncidentAnalysisQuery = { incidentAnalysis: { id: string, incidentId: string, incidentNumber: string, version: number, audience: AnalysisAudience, trigger: AnalysisTrigger, analyzer: string, createdAt: string, linkedReports: number, affectedCustomers: number, report: string, requestedBy: { id: string, displayName: string } | null, similarIncidents: Array<{ id: string, number: string, title: string, status: IncidentStatus, priority: Priority, score: number, resolutionSummary: string | null, resolvedAt: string | null, serviceArea: string | null }>, suggestedArticles: Array<{ id: string, slug: string, title: string, visibility: Visibility, score: number }>, suggestedPriority: { priority: Priority, current: Priority, reasons: Array<string> }, suggestedServiceArea: { area: string | null, current: string | null, reasons: Array<string> }, signals: Array<{ kind: AnalysisSignalKind, detail: string, suggests: Priority }>, provider: { status: AnalysisProviderStatus, model: string | null, report: string | null, error: string | null, finishedAt: string | null } } | null };

export type RestIncidentAnalysesQueryVariables = Exact<{
  incidentId: string;
  audience?: AnalysisAudience | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestIncidentAnalysesQuery = { incidentAnalyses: { items: Array<{ id: string, incidentId: string, incidentNumber: string, version: number, audience: AnalysisAudience, trigger: AnalysisTrigger, analyzer: string, createdAt: string, linkedReports: number, affectedCustomers: number, report: string, requestedBy: { id: string, displayName: string } | null, suggestedPriority: { priority: Priority, current: Priority, reasons: Array<string> }, suggestedServiceArea: { area: string | null, current: string | null, reasons: Array<string> }, provider: { status: AnalysisProviderStatus, model: string | null, finishedAt: string | null } }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestStaffIncidentFragment = { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null };

export type RestStaffUpdateFragment = { id: string, kind: UpdateKind, body: string, status: IncidentStatus | null, visibility: Visibility, createdAt: string, author: { displayName: string, kind: AuthorKind } };

export type RestIncidentsQueryVariables = Exact<{
  filter?: IncidentFilterInput | null | undefined;
  sort?: IncidentSortInput | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RestIncidentsQuery = { incidents: { items: Array<{ id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null }>, pagination: { page: number, limit: number, total: number, totalPages: number }, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type RestIncidentCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type RestIncidentCountsQuery = { incidentCounts: Array<{ status: IncidentStatus, count: number }> | null };

export type RestIncidentQueryVariables = Exact<{
  id: string;
}>;


export type RestIncidentQuery = { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, updates: Array<{ id: string, kind: UpdateKind, body: string, status: IncidentStatus | null, visibility: Visibility, createdAt: string, author: { displayName: string, kind: AuthorKind } }>, attachments: Array<{ id: string, updateId: string | null, fileName: string, contentType: string, size: number, createdAt: string, downloadUrl: string }> | null, rating: { id: string, score: number, comment: string | null, source: RatingSource, raterName: string, createdAt: string } | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } | null };

export type RestIncidentRatingSummaryQueryVariables = Exact<{
  filter?: RatingSummaryFilterInput | null | undefined;
}>;


export type RestIncidentRatingSummaryQuery = { incidentRatingSummary: { from: string | null, to: string | null, count: number, average: number | null, distribution: Array<{ score: number, count: number }>, byAssignee: Array<{ count: number, average: number | null, assignee: { id: string, displayName: string, email: string } | null }> } | null };

export type RestCreateIncidentMutationVariables = Exact<{
  input: IncidentCreateInput;
}>;


export type RestCreateIncidentMutation = { incidentCreate: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestUpdateIncidentMutationVariables = Exact<{
  input: IncidentUpdateFieldsInput;
}>;


export type RestUpdateIncidentMutation = { incidentUpdate: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestChangeIncidentStatusMutationVariables = Exact<{
  input: IncidentStatusChangeInput;
}>;


export type RestChangeIncidentStatusMutation = { incidentStatusChange: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestAddIncidentUpdateMutationVariables = Exact<{
  input: IncidentUpdateAddInput;
}>;


export type RestAddIncidentUpdateMutation = { incidentUpdateAdd: { update: { id: string, kind: UpdateKind, body: string, status: IncidentStatus | null, visibility: Visibility, createdAt: string, author: { displayName: string, kind: AuthorKind } } } | null };

export type RestAssignIncidentMutationVariables = Exact<{
  id: string;
  assigneeId?: string | null | undefined;
}>;


export type RestAssignIncidentMutation = { incidentAssign: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestLinkIncidentsMutationVariables = Exact<{
  parentId: string;
  childIds: Array<string> | string;
}>;


export type RestLinkIncidentsMutation = { incidentLink: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestUnlinkIncidentMutationVariables = Exact<{
  id: string;
}>;


export type RestUnlinkIncidentMutation = { incidentUnlink: { incident: { id: string, number: string, type: IncidentType, title: string, description: string, techDescription: string | null, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, acknowledgedAt: string | null, resolvedAt: string | null, closedAt: string | null, resolutionSummary: string | null, impactSummary: string | null, blastRadius: string | null, serviceArea: string | null, environment: string | null, region: string | null, customerId: string | null, parentId: string | null, version: number | null, sla: { responseDueAt: string, resolutionDueAt: string }, internalSla: { state: string, responseBreached: boolean, resolutionBreached: boolean, responseBreachedAt: string | null, resolutionBreachedAt: string | null } | null, assignee: { id: string, displayName: string, email: string } | null } } | null };

export type RestSlaPoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type RestSlaPoliciesQuery = { slaPolicies: Array<{ priority: Priority, responseMinutes: number, resolutionMinutes: number, isDefault: boolean }> | null };

export type RestSetSlaPolicyMutationVariables = Exact<{
  input: SlaPolicySetInput;
}>;


export type RestSetSlaPolicyMutation = { slaPolicySet: { slaPolicies: Array<{ priority: Priority, responseMinutes: number, resolutionMinutes: number, isDefault: boolean }> } | null };

export type RestResetSlaPolicyMutationVariables = Exact<{
  priority: Priority;
}>;


export type RestResetSlaPolicyMutation = { slaPolicyReset: { slaPolicies: Array<{ priority: Priority, responseMinutes: number, resolutionMinutes: number, isDefault: boolean }> } | null };

export type RestStaffParticipantFragment = { id: string, displayName: string, email: string | null, addedAt: string | null, addedByKind: string | null, addedById: string | null };

export type RestIncidentParticipantsQueryVariables = Exact<{
  id: string;
}>;


export type RestIncidentParticipantsQuery = { incident: { id: string, participants: Array<{ id: string, displayName: string, email: string | null, addedAt: string | null, addedByKind: string | null, addedById: string | null }> } | null };

export type RestAddIncidentParticipantMutationVariables = Exact<{
  incidentId: string;
  userId: string;
}>;


export type RestAddIncidentParticipantMutation = { incidentParticipantAdd: { participants: Array<{ id: string, displayName: string, email: string | null, addedAt: string | null, addedByKind: string | null, addedById: string | null }> } | null };

export type RestRemoveIncidentParticipantMutationVariables = Exact<{
  incidentId: string;
  userId: string;
}>;


export type RestRemoveIncidentParticipantMutation = { incidentParticipantRemove: { participants: Array<{ id: string, displayName: string, email: string | null, addedAt: string | null, addedByKind: string | null, addedById: string | null }> } | null };

export type RestKbStaffArticleFragment = { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null };

export type RestStaffKbArticlesQueryVariables = Exact<{
  filter?: KbArticleFilterInput | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestStaffKbArticlesQuery = { staffKbArticles: { fuzzy: boolean, items: Array<{ id: string, slug: string, title: string, excerpt: string, highlight: string | null, category: string | null, tags: Array<string>, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestStaffKbArticleQueryVariables = Exact<{
  id: string;
}>;


export type RestStaffKbArticleQuery = { staffKbArticle: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } | null };

export type RestKbArticleRevisionsQueryVariables = Exact<{
  id: string;
}>;


export type RestKbArticleRevisionsQuery = { kbArticleRevisions: Array<{ revision: number, slug: string, title: string, category: string | null, tags: Array<string>, visibility: Visibility, status: ArticleStatus, markdown: string, html: string, savedAt: string, replacedAt: string, savedBy: { id: string, displayName: string } | null }> | null };

export type RestCreateKbArticleMutationVariables = Exact<{
  input: KbArticleCreateInput;
}>;


export type RestCreateKbArticleMutation = { kbArticleCreate: { article: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } } | null };

export type RestUpdateKbArticleMutationVariables = Exact<{
  input: KbArticleUpdateInput;
}>;


export type RestUpdateKbArticleMutation = { kbArticleUpdate: { article: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } } | null };

export type RestPublishKbArticleMutationVariables = Exact<{
  id: string;
}>;


export type RestPublishKbArticleMutation = { kbArticlePublish: { article: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } } | null };

export type RestArchiveKbArticleMutationVariables = Exact<{
  id: string;
}>;


export type RestArchiveKbArticleMutation = { kbArticleArchive: { article: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } } | null };

export type RestRestoreKbArticleRevisionMutationVariables = Exact<{
  id: string;
  revision: number;
}>;


export type RestRestoreKbArticleRevisionMutation = { kbArticleRevisionRestore: { article: { id: string, slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, status: ArticleStatus, visibility: Visibility, revision: number, sourceIncidentId: string | null, publishedAt: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, author: { id: string, displayName: string } | null, updatedBy: { id: string, displayName: string } | null } } | null };

export type RestNotificationPreferenceFragment = { kind: NotificationKind, enabled: boolean, isDefault: boolean, description: string };

export type RestOnCallFragment = { isDefault: boolean, recipients: Array<{ email: string, staffUserId: string | null, displayName: string | null }> };

export type RestDeliveryFragment = { id: string, eventId: string, eventType: string, channel: DeliveryChannel, target: string, webhookEndpointId: string | null, subject: string | null, status: DeliveryStatus, attempts: number, maxAttempts: number, lastError: string | null, responseStatus: number | null, responseExcerpt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, updatedAt: string };

export type RestWebhookEndpointFragment = { id: string, url: string, eventTypes: Array<string>, description: string | null, isActive: boolean, createdAt: string, updatedAt: string };

export type RestNotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type RestNotificationPreferencesQuery = { notificationPreferences: Array<{ kind: NotificationKind, enabled: boolean, isDefault: boolean, description: string }> | null };

export type RestSetNotificationPreferenceMutationVariables = Exact<{
  kind: NotificationKind;
  enabled: boolean;
}>;


export type RestSetNotificationPreferenceMutation = { notificationPreferenceSet: { preferences: Array<{ kind: NotificationKind, enabled: boolean, isDefault: boolean, description: string }> } | null };

export type RestOnCallRecipientsQueryVariables = Exact<{ [key: string]: never; }>;


export type RestOnCallRecipientsQuery = { onCallRecipients: { isDefault: boolean, recipients: Array<{ email: string, staffUserId: string | null, displayName: string | null }> } | null };

export type RestSetOnCallRecipientsMutationVariables = Exact<{
  emails: Array<string> | string;
}>;


export type RestSetOnCallRecipientsMutation = { onCallRecipientsSet: { onCallRecipients: { isDefault: boolean, recipients: Array<{ email: string, staffUserId: string | null, displayName: string | null }> } } | null };

export type RestDeliveriesQueryVariables = Exact<{
  status?: DeliveryStatus | null | undefined;
  channel?: DeliveryChannel | null | undefined;
  eventType?: string | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestDeliveriesQuery = { deliveries: { items: Array<{ id: string, eventId: string, eventType: string, channel: DeliveryChannel, target: string, webhookEndpointId: string | null, subject: string | null, status: DeliveryStatus, attempts: number, maxAttempts: number, lastError: string | null, responseStatus: number | null, responseExcerpt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, updatedAt: string }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestRetryDeliveryMutationVariables = Exact<{
  id: string;
}>;


export type RestRetryDeliveryMutation = { deliveryRetry: { delivery: { id: string, eventId: string, eventType: string, channel: DeliveryChannel, target: string, webhookEndpointId: string | null, subject: string | null, status: DeliveryStatus, attempts: number, maxAttempts: number, lastError: string | null, responseStatus: number | null, responseExcerpt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, updatedAt: string } } | null };

export type RestWebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type RestWebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string, eventTypes: Array<string>, description: string | null, isActive: boolean, createdAt: string, updatedAt: string }> | null };

export type RestCreateWebhookEndpointMutationVariables = Exact<{
  input: WebhookEndpointCreateInput;
}>;


export type RestCreateWebhookEndpointMutation = { webhookEndpointCreate: { secret: string, endpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, isActive: boolean, createdAt: string, updatedAt: string } } | null };

export type RestUpdateWebhookEndpointMutationVariables = Exact<{
  input: WebhookEndpointUpdateInput;
}>;


export type RestUpdateWebhookEndpointMutation = { webhookEndpointUpdate: { endpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, isActive: boolean, createdAt: string, updatedAt: string } } | null };

export type RestDeleteWebhookEndpointMutationVariables = Exact<{
  id: string;
}>;


export type RestDeleteWebhookEndpointMutation = { webhookEndpointDelete: { deletedId: string } | null };

export type RestRotateWebhookSecretMutationVariables = Exact<{
  id: string;
}>;


export type RestRotateWebhookSecretMutation = { webhookSecretRotate: { secret: string, endpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, isActive: boolean, createdAt: string, updatedAt: string } } | null };

export type RestOAuthLoginMutationVariables = Exact<{
  provider: string;
}>;


export type RestOAuthLoginMutation = { oauthStart: { authorizationUrl: string } | null };

export type RestOAuthCallbackMutationVariables = Exact<{
  code: string;
  state: string;
  iss?: string | null | undefined;
}>;


export type RestOAuthCallbackMutation = { oauthComplete: { accessToken: string, refreshToken: string, user: { id: string, email: string, firstName: string | null, lastName: string | null, role: StaffRole } } | null };

export type RestCustomerIncidentFragment = { id: string, number: string, type: IncidentType, title: string, description: string, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, resolvedAt: string | null, summary: string, sla: { responseDueAt: string, resolutionDueAt: string } };

export type RestCustomerUpdateFragment = { id: string, kind: UpdateKind, body: string, status: IncidentStatus | null, createdAt: string, author: { displayName: string, kind: AuthorKind } };

export type RestPaginationFragment = { page: number, limit: number, total: number, totalPages: number };

export type RestRegisterCustomerMutationVariables = Exact<{
  input: CustomerRegisterInput;
}>;


export type RestRegisterCustomerMutation = { customerRegister: { account: { id: string, email: string, name: string, companyId: string } } | null };

export type RestVerifyCustomerEmailMutationVariables = Exact<{
  input: CustomerEmailVerifyInput;
}>;


export type RestVerifyCustomerEmailMutation = { customerEmailVerify: { verified: boolean } | null };

export type RestResendCustomerOtpMutationVariables = Exact<{
  input: CustomerEmailOtpResendInput;
}>;


export type RestResendCustomerOtpMutation = { customerEmailOtpResend: { sent: boolean } | null };

export type RestPortalAccountFragment = { id: string, email: string, displayName: string, tenantId: string, customerId: string | null, name: string, companyId: string };

export type RestCustomerLoginMutationVariables = Exact<{
  input: CustomerLoginInput;
}>;


export type RestCustomerLoginMutation = { customerLogin: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, tenantId: string, customerId: string | null, name: string, companyId: string } } | null };

export type RestPortalLoginMutationVariables = Exact<{
  input: PortalLoginInput;
}>;


export type RestPortalLoginMutation = { portalLogin: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, customerId: string | null, tenantId: string } } | null };

export type RestCustomerRefreshTokenMutationVariables = Exact<{
  input: CustomerSessionRefreshInput;
}>;


export type RestCustomerRefreshTokenMutation = { customerSessionRefresh: { accessToken: string, refreshToken: string } | null };

export type RestCustomerLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type RestCustomerLogoutMutation = { customerSessionEnd: { ended: boolean } | null };

export type RestPortalMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RestPortalMeQuery = { portalMe: { id: string, email: string, displayName: string, tenant: { id: string, name: string, slug: string }, customer: { id: string, name: string } | null } | null };

export type RestCreateTicketMutationVariables = Exact<{
  input: TicketCreateInput;
}>;


export type RestCreateTicketMutation = { ticketCreate: { ticket: { id: string, number: string, status: IncidentStatus, type: IncidentType, priority: Priority, createdAt: string } } | null };

export type RestCustomerIncidentQueryVariables = Exact<{
  id: string;
}>;


export type RestCustomerIncidentQuery = { ticket: { id: string, number: string, type: IncidentType, title: string, description: string, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, resolvedAt: string | null, summary: string, updates: Array<{ id: string, kind: UpdateKind, body: string, status: IncidentStatus | null, createdAt: string, author: { displayName: string, kind: AuthorKind } }>, attachments: Array<{ id: string, updateId: string | null, fileName: string, contentType: string, size: number, createdAt: string, downloadUrl: string }> | null, sla: { responseDueAt: string, resolutionDueAt: string } } | null };

export type RestCustomerIncidentsQueryVariables = Exact<{
  page?: number | null | undefined;
  limit?: number | null | undefined;
  status?: IncidentStatus | null | undefined;
  priority?: Priority | null | undefined;
  type?: IncidentType | null | undefined;
  after?: string | null | undefined;
}>;


export type RestCustomerIncidentsQuery = { tickets: { items: Array<{ id: string, number: string, type: IncidentType, title: string, description: string, status: IncidentStatus, priority: Priority, source: IncidentSource, createdAt: string, updatedAt: string, resolvedAt: string | null, summary: string, sla: { responseDueAt: string, resolutionDueAt: string } }>, pagination: { page: number, limit: number, total: number, totalPages: number }, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type RestAddTicketCommentMutationVariables = Exact<{
  ticketId: string;
  body: string;
}>;


export type RestAddTicketCommentMutation = { ticketCommentAdd: { update: { id: string, body: string, createdAt: string, author: { displayName: string, kind: AuthorKind } } } | null };

export type RestKbArticlesQueryVariables = Exact<{
  q?: string | null | undefined;
  category?: string | null | undefined;
  tag?: string | null | undefined;
  page?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type RestKbArticlesQuery = { kbArticles: { fuzzy: boolean, items: Array<{ slug: string, title: string, excerpt: string, highlight: string | null, category: string | null, tags: Array<string>, publishedAt: string | null }>, pagination: { page: number, limit: number, total: number, totalPages: number } } | null };

export type RestKbArticleQueryVariables = Exact<{
  slug: string;
}>;


export type RestKbArticleQuery = { kbArticle: { slug: string, title: string, category: string | null, tags: Array<string>, markdown: string, html: string, publishedAt: string | null } | null };

export type RestRequestSignInLinkMutationVariables = Exact<{
  input: CustomerSignInLinkRequestInput;
}>;


export type RestRequestSignInLinkMutation = { customerSignInLinkRequest: { sent: boolean } | null };

export type RestSignInWithLinkMutationVariables = Exact<{
  input: SignInWithLinkInput;
}>;


export type RestSignInWithLinkMutation = { signInWithLink: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, tenantId: string, customerId: string | null, name: string, companyId: string } } | null };

export type RestRateTicketMutationVariables = Exact<{
  input: TicketRateInput;
}>;


export type RestRateTicketMutation = { ticketRate: { rating: { ticketId: string, score: number, comment: string | null, createdAt: string } } | null };

export type RestRateTicketWithLinkMutationVariables = Exact<{
  input: TicketRateWithLinkInput;
}>;


export type RestRateTicketWithLinkMutation = { ticketRateWithLink: { rating: { ticketId: string, score: number, comment: string | null, createdAt: string } } | null };

export type RestTicketRatingFragment = { ticketId: string, score: number, comment: string | null, createdAt: string };

export type RestTicketParticipantsQueryVariables = Exact<{
  id: string;
}>;


export type RestTicketParticipantsQuery = { ticket: { id: string, participants: Array<{ id: string, displayName: string }> } | null };

export type RestAddTicketParticipantMutationVariables = Exact<{
  ticketId: string;
  userId: string;
}>;


export type RestAddTicketParticipantMutation = { ticketParticipantAdd: { ticket: { participants: Array<{ id: string, displayName: string }> } } | null };

export type RestRemoveTicketParticipantMutationVariables = Exact<{
  ticketId: string;
  userId: string;
}>;


export type RestRemoveTicketParticipantMutation = { ticketParticipantRemove: { ticket: { participants: Array<{ id: string, displayName: string }> } | null } | null };

export type RestPortalColleaguesQueryVariables = Exact<{ [key: string]: never; }>;


export type RestPortalColleaguesQuery = { portalColleagues: Array<{ id: string, displayName: string }> | null };

export type TestCompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type TestCompaniesQuery = { companies: Array<{ id: string, name: string, slug: string }> | null };

export const RestCustomerOrganizationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerOrganization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharingMode"}},{"kind":"Field","name":{"kind":"Name","value":"portalUserCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCustomerOrganizationFragment, unknown>;
export const RestPortalUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestPortalUserFragment, unknown>;
export const RestTenantSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTenantSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"allowCustomerSignup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestTenantSettingsFragment, unknown>;
export const RestAuthUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAuthUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]} as unknown as DocumentNode<RestAuthUserFragment, unknown>;
export const RestMeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestMe"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]} as unknown as DocumentNode<RestMeFragment, unknown>;
export const RestRegistrationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestRegistration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegistrationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"business"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<RestRegistrationFragment, unknown>;
export const RestIncidentAnalysisFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestIncidentAnalysis"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"incidentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"similarIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedArticles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedServiceArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"suggests"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedReports"}},{"kind":"Field","name":{"kind":"Name","value":"affectedCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<RestIncidentAnalysisFragment, unknown>;
export const RestStaffIncidentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestStaffIncidentFragment, unknown>;
export const RestStaffUpdateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestStaffUpdateFragment, unknown>;
export const RestStaffParticipantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"addedById"}}]}}]} as unknown as DocumentNode<RestStaffParticipantFragment, unknown>;
export const RestKbStaffArticleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestKbStaffArticleFragment, unknown>;
export const RestNotificationPreferenceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestNotificationPreference"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<RestNotificationPreferenceFragment, unknown>;
export const RestOnCallFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestOnCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OnCallRecipients"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"staffUserId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RestOnCallFragment, unknown>;
export const RestDeliveryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestDeliveryFragment, unknown>;
export const RestWebhookEndpointFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestWebhookEndpoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestWebhookEndpointFragment, unknown>;
export const RestCustomerIncidentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","alias":{"kind":"Name","value":"summary"},"name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}}]}}]} as unknown as DocumentNode<RestCustomerIncidentFragment, unknown>;
export const RestCustomerUpdateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestCustomerUpdateFragment, unknown>;
export const RestPaginationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestPaginationFragment, unknown>;
export const RestPortalAccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","alias":{"kind":"Name","value":"name"},"name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","alias":{"kind":"Name","value":"companyId"},"name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}}]}}]} as unknown as DocumentNode<RestPortalAccountFragment, unknown>;
export const RestTicketRatingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTicketRating"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestTicketRatingFragment, unknown>;
export const RestCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerOrganization"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerOrganization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharingMode"}},{"kind":"Field","name":{"kind":"Name","value":"portalUserCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestCustomersQuery, RestCustomersQueryVariables>;
export const RestCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerOrganization"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerOrganization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharingMode"}},{"kind":"Field","name":{"kind":"Name","value":"portalUserCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCustomerQuery, RestCustomerQueryVariables>;
export const RestCreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerOrganization"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerOrganization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharingMode"}},{"kind":"Field","name":{"kind":"Name","value":"portalUserCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCreateCustomerMutation, RestCreateCustomerMutationVariables>;
export const RestUpdateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerOrganization"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerOrganization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharingMode"}},{"kind":"Field","name":{"kind":"Name","value":"portalUserCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestUpdateCustomerMutation, RestUpdateCustomerMutationVariables>;
export const RestDeleteCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestDeleteCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<RestDeleteCustomerMutation, RestDeleteCustomerMutationVariables>;
export const RestPortalUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestPortalUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUserFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestPortalUsersQuery, RestPortalUsersQueryVariables>;
export const RestPortalUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestPortalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestPortalUserQuery, RestPortalUserQueryVariables>;
export const RestCreatePortalUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreatePortalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUserCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUserCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCreatePortalUserMutation, RestCreatePortalUserMutationVariables>;
export const RestUpdatePortalUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdatePortalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUserUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUserUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestUpdatePortalUserMutation, RestUpdatePortalUserMutationVariables>;
export const RestDeactivatePortalUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestDeactivatePortalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUserDeactivate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestDeactivatePortalUserMutation, RestDeactivatePortalUserMutationVariables>;
export const RestReactivatePortalUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestReactivatePortalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUserReactivate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"invitationPending"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestReactivatePortalUserMutation, RestReactivatePortalUserMutationVariables>;
export const RestSendPortalUserPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestSendPortalUserPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalUserPasswordResetSend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestSendPortalUserPasswordResetMutation, RestSendPortalUserPasswordResetMutationVariables>;
export const RestAcceptPortalInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAcceptPortalInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptPortalInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPortalInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}}]}}]}}]} as unknown as DocumentNode<RestAcceptPortalInvitationMutation, RestAcceptPortalInvitationMutationVariables>;
export const RestCustomerForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCustomerForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerPasswordResetRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerPasswordResetRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestCustomerForgotPasswordMutation, RestCustomerForgotPasswordMutationVariables>;
export const RestValidateCustomerResetTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestValidateCustomerResetToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerPasswordResetTokenCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerPasswordResetTokenCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RestValidateCustomerResetTokenMutation, RestValidateCustomerResetTokenMutationVariables>;
export const RestCustomerResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCustomerResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reset"}}]}}]}}]} as unknown as DocumentNode<RestCustomerResetPasswordMutation, RestCustomerResetPasswordMutationVariables>;
export const RestTenantSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestTenantSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTenantSettings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTenantSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"allowCustomerSignup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestTenantSettingsQuery, RestTenantSettingsQueryVariables>;
export const RestUpdateTenantSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateTenantSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkspaceSettingsUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceSettingsUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTenantSettings"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTenantSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"allowCustomerSignup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestUpdateTenantSettingsMutation, RestUpdateTenantSettingsMutationVariables>;
export const RestAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestAuditLogQuery, RestAuditLogQueryVariables>;
export const RestVerifyAuditChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestVerifyAuditChain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditChainAnchorInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"anchor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"checkedEntries"}},{"kind":"Field","name":{"kind":"Name","value":"headSequence"}},{"kind":"Field","name":{"kind":"Name","value":"headHash"}},{"kind":"Field","name":{"kind":"Name","value":"firstBroken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RestVerifyAuditChainQuery, RestVerifyAuditChainQueryVariables>;
export const RestLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAuthUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAuthUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]} as unknown as DocumentNode<RestLoginMutation, RestLoginMutationVariables>;
export const RestRegisterBusinessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRegisterBusiness"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterBusinessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerBusiness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestRegistration"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestRegistration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegistrationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"business"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<RestRegisterBusinessMutation, RestRegisterBusinessMutationVariables>;
export const RestRegisterDeveloperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRegisterDeveloper"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterDeveloperInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerDeveloper"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestRegistration"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestRegistration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegistrationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"business"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<RestRegisterDeveloperMutation, RestRegisterDeveloperMutationVariables>;
export const RestVerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestVerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmailVerifyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailVerify"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}}]} as unknown as DocumentNode<RestVerifyEmailMutation, RestVerifyEmailMutationVariables>;
export const RestResendOtpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestResendOtp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmailOtpResendInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailOtpResend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestResendOtpMutation, RestResendOtpMutationVariables>;
export const RestForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PasswordResetRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordResetRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestForgotPasswordMutation, RestForgotPasswordMutationVariables>;
export const RestValidateResetTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestValidateResetToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PasswordResetTokenCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordResetTokenCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RestValidateResetTokenMutation, RestValidateResetTokenMutationVariables>;
export const RestResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reset"}}]}}]}}]} as unknown as DocumentNode<RestResetPasswordMutation, RestResetPasswordMutationVariables>;
export const RestRefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionRefreshInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionRefresh"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]} as unknown as DocumentNode<RestRefreshTokenMutation, RestRefreshTokenMutationVariables>;
export const RestLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ended"}}]}}]}}]} as unknown as DocumentNode<RestLogoutMutation, RestLogoutMutationVariables>;
export const RestChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PasswordChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}}]}}]}}]} as unknown as DocumentNode<RestChangePasswordMutation, RestChangePasswordMutationVariables>;
export const RestMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestMe"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestMe"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]} as unknown as DocumentNode<RestMeQuery, RestMeQueryVariables>;
export const RestUpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProfileUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestMe"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestMe"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"businessId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]} as unknown as DocumentNode<RestUpdateProfileMutation, RestUpdateProfileMutationVariables>;
export const PageAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PageAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<PageAcceptInvitationMutation, PageAcceptInvitationMutationVariables>;
export const CompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Companies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signupWorkspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<CompaniesQuery, CompaniesQueryVariables>;
export const RestAnalyzeIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAnalyzeIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audience"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalysisAudience"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentAnalyze"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"audience"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audience"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestIncidentAnalysis"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestIncidentAnalysis"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"incidentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"similarIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedArticles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedServiceArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"suggests"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedReports"}},{"kind":"Field","name":{"kind":"Name","value":"affectedCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<RestAnalyzeIncidentMutation, RestAnalyzeIncidentMutationVariables>;
export const RestIncidentAnalysisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidentAnalysis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audience"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalysisAudience"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentAnalysis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"audience"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audience"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestIncidentAnalysis"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestIncidentAnalysis"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"incidentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"similarIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedArticles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedServiceArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"suggests"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedReports"}},{"kind":"Field","name":{"kind":"Name","value":"affectedCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<RestIncidentAnalysisQuery, RestIncidentAnalysisQueryVariables>;
export const RestIncidentAnalysesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidentAnalyses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audience"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalysisAudience"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentAnalyses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"audience"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audience"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"incidentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedServiceArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedReports"}},{"kind":"Field","name":{"kind":"Name","value":"affectedCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"report"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestIncidentAnalysesQuery, RestIncidentAnalysesQueryVariables>;
export const RestIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentSortInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestIncidentsQuery, RestIncidentsQueryVariables>;
export const RestIncidentCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidentCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<RestIncidentCountsQuery, RestIncidentCountsQueryVariables>;
export const RestIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updateId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"raterName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestIncidentQuery, RestIncidentQueryVariables>;
export const RestIncidentRatingSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidentRatingSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RatingSummaryFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentRatingSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"distribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAssignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}}]}}]}}]} as unknown as DocumentNode<RestIncidentRatingSummaryQuery, RestIncidentRatingSummaryQueryVariables>;
export const RestCreateIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestCreateIncidentMutation, RestCreateIncidentMutationVariables>;
export const RestUpdateIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentUpdateFieldsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestUpdateIncidentMutation, RestUpdateIncidentMutationVariables>;
export const RestChangeIncidentStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestChangeIncidentStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatusChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestChangeIncidentStatusMutation, RestChangeIncidentStatusMutationVariables>;
export const RestAddIncidentUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAddIncidentUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentUpdateAddInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentUpdateAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffUpdate"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestAddIncidentUpdateMutation, RestAddIncidentUpdateMutationVariables>;
export const RestAssignIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAssignIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentAssign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestAssignIncidentMutation, RestAssignIncidentMutationVariables>;
export const RestLinkIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestLinkIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"childIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestLinkIncidentsMutation, RestLinkIncidentsMutationVariables>;
export const RestUnlinkIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUnlinkIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentUnlink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffIncident"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"techDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"impactSummary"}},{"kind":"Field","name":{"kind":"Name","value":"blastRadius"}},{"kind":"Field","name":{"kind":"Name","value":"serviceArea"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"internalSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"responseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RestUnlinkIncidentMutation, RestUnlinkIncidentMutationVariables>;
export const RestSlaPoliciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestSlaPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"responseMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<RestSlaPoliciesQuery, RestSlaPoliciesQueryVariables>;
export const RestSetSlaPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestSetSlaPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SlaPolicySetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicySet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"responseMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<RestSetSlaPolicyMutation, RestSetSlaPolicyMutationVariables>;
export const RestResetSlaPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestResetSlaPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priority"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Priority"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicyReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"priority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priority"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"responseMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<RestResetSlaPolicyMutation, RestResetSlaPolicyMutationVariables>;
export const RestIncidentParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestIncidentParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffParticipant"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"addedById"}}]}}]} as unknown as DocumentNode<RestIncidentParticipantsQuery, RestIncidentParticipantsQueryVariables>;
export const RestAddIncidentParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAddIncidentParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentParticipantAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffParticipant"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"addedById"}}]}}]} as unknown as DocumentNode<RestAddIncidentParticipantMutation, RestAddIncidentParticipantMutationVariables>;
export const RestRemoveIncidentParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRemoveIncidentParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentParticipantRemove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestStaffParticipant"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestStaffParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"addedById"}}]}}]} as unknown as DocumentNode<RestRemoveIncidentParticipantMutation, RestRemoveIncidentParticipantMutationVariables>;
export const RestStaffKbArticlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestStaffKbArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KbArticleFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffKbArticles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"excerpt"}},{"kind":"Field","name":{"kind":"Name","value":"highlight"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fuzzy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestStaffKbArticlesQuery, RestStaffKbArticlesQueryVariables>;
export const RestStaffKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestStaffKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffKbArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestStaffKbArticleQuery, RestStaffKbArticleQueryVariables>;
export const RestKbArticleRevisionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestKbArticleRevisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticleRevisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"savedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"savedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replacedAt"}}]}}]}}]} as unknown as DocumentNode<RestKbArticleRevisionsQuery, RestKbArticleRevisionsQueryVariables>;
export const RestCreateKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KbArticleCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticleCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCreateKbArticleMutation, RestCreateKbArticleMutationVariables>;
export const RestUpdateKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KbArticleUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticleUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestUpdateKbArticleMutation, RestUpdateKbArticleMutationVariables>;
export const RestPublishKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestPublishKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticlePublish"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestPublishKbArticleMutation, RestPublishKbArticleMutationVariables>;
export const RestArchiveKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestArchiveKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticleArchive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestArchiveKbArticleMutation, RestArchiveKbArticleMutationVariables>;
export const RestRestoreKbArticleRevisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRestoreKbArticleRevision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"revision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticleRevisionRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"revision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"revision"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestKbStaffArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestKbStaffArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KbStaffArticle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"sourceIncidentId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestRestoreKbArticleRevisionMutation, RestRestoreKbArticleRevisionMutationVariables>;
export const RestNotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestNotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestNotificationPreference"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestNotificationPreference"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<RestNotificationPreferencesQuery, RestNotificationPreferencesQueryVariables>;
export const RestSetNotificationPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestSetNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreferenceSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestNotificationPreference"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestNotificationPreference"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]} as unknown as DocumentNode<RestSetNotificationPreferenceMutation, RestSetNotificationPreferenceMutationVariables>;
export const RestOnCallRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestOnCallRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onCallRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestOnCall"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestOnCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OnCallRecipients"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"staffUserId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RestOnCallRecipientsQuery, RestOnCallRecipientsQueryVariables>;
export const RestSetOnCallRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestSetOnCallRecipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"emails"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onCallRecipientsSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"emails"},"value":{"kind":"Variable","name":{"kind":"Name","value":"emails"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onCallRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestOnCall"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestOnCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OnCallRecipients"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"staffUserId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RestSetOnCallRecipientsMutation, RestSetOnCallRecipientsMutationVariables>;
export const RestDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryChannel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"eventType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDelivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestDeliveriesQuery, RestDeliveriesQueryVariables>;
export const RestRetryDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRetryDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDelivery"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestRetryDeliveryMutation, RestRetryDeliveryMutationVariables>;
export const RestWebhookEndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestWebhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestWebhookEndpoint"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestWebhookEndpoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestWebhookEndpointsQuery, RestWebhookEndpointsQueryVariables>;
export const RestCreateWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestWebhookEndpoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestWebhookEndpoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestCreateWebhookEndpointMutation, RestCreateWebhookEndpointMutationVariables>;
export const RestUpdateWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestWebhookEndpoint"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestWebhookEndpoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestUpdateWebhookEndpointMutation, RestUpdateWebhookEndpointMutationVariables>;
export const RestDeleteWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestDeleteWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<RestDeleteWebhookEndpointMutation, RestDeleteWebhookEndpointMutationVariables>;
export const RestRotateWebhookSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSecretRotate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestWebhookEndpoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestWebhookEndpoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestRotateWebhookSecretMutation, RestRotateWebhookSecretMutationVariables>;
export const RestOAuthLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestOAuthLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthStart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}}]}}]}}]} as unknown as DocumentNode<RestOAuthLoginMutation, RestOAuthLoginMutationVariables>;
export const RestOAuthCallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestOAuthCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"iss"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthComplete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"iss"},"value":{"kind":"Variable","name":{"kind":"Name","value":"iss"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAuthUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAuthUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]} as unknown as DocumentNode<RestOAuthCallbackMutation, RestOAuthCallbackMutationVariables>;
export const RestRegisterCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRegisterCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerRegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerRegister"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}}]}}]}}]}}]} as unknown as DocumentNode<RestRegisterCustomerMutation, RestRegisterCustomerMutationVariables>;
export const RestVerifyCustomerEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestVerifyCustomerEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerEmailVerifyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerEmailVerify"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}}]} as unknown as DocumentNode<RestVerifyCustomerEmailMutation, RestVerifyCustomerEmailMutationVariables>;
export const RestResendCustomerOtpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestResendCustomerOtp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerEmailOtpResendInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerEmailOtpResend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestResendCustomerOtpMutation, RestResendCustomerOtpMutationVariables>;
export const RestCustomerLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCustomerLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerLoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalAccount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","alias":{"kind":"Name","value":"name"},"name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","alias":{"kind":"Name","value":"companyId"},"name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}}]}}]} as unknown as DocumentNode<RestCustomerLoginMutation, RestCustomerLoginMutationVariables>;
export const RestPortalLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestPortalLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalLoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}}]}}]}}]} as unknown as DocumentNode<RestPortalLoginMutation, RestPortalLoginMutationVariables>;
export const RestCustomerRefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCustomerRefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSessionRefreshInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSessionRefresh"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]} as unknown as DocumentNode<RestCustomerRefreshTokenMutation, RestCustomerRefreshTokenMutationVariables>;
export const RestCustomerLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCustomerLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSessionEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ended"}}]}}]}}]} as unknown as DocumentNode<RestCustomerLogoutMutation, RestCustomerLogoutMutationVariables>;
export const RestPortalMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestPortalMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestPortalMeQuery, RestPortalMeQueryVariables>;
export const RestCreateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<RestCreateTicketMutation, RestCreateTicketMutationVariables>;
export const RestCustomerIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestCustomerIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerIncident"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updateId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","alias":{"kind":"Name","value":"summary"},"name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerUpdate"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestCustomerIncidentQuery, RestCustomerIncidentQueryVariables>;
export const RestCustomerIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestCustomerIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priority"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Priority"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"priority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priority"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestCustomerIncident"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestCustomerIncident"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","alias":{"kind":"Name","value":"summary"},"name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestCustomerIncidentsQuery, RestCustomerIncidentsQueryVariables>;
export const RestAddTicketCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAddTicketComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketCommentAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ticketId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<RestAddTicketCommentMutation, RestAddTicketCommentMutationVariables>;
export const RestKbArticlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestKbArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"q"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tag"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"q"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"tag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tag"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"excerpt"}},{"kind":"Field","name":{"kind":"Name","value":"highlight"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pagination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPagination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fuzzy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPagination"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}}]}}]} as unknown as DocumentNode<RestKbArticlesQuery, RestKbArticlesQueryVariables>;
export const RestKbArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestKbArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kbArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<RestKbArticleQuery, RestKbArticleQueryVariables>;
export const RestRequestSignInLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRequestSignInLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSignInLinkRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignInLinkRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}}]}}]}}]} as unknown as DocumentNode<RestRequestSignInLinkMutation, RestRequestSignInLinkMutationVariables>;
export const RestSignInWithLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestSignInWithLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInWithLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInWithLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestPortalAccount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestPortalAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","alias":{"kind":"Name","value":"name"},"name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","alias":{"kind":"Name","value":"companyId"},"name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}}]}}]} as unknown as DocumentNode<RestSignInWithLinkMutation, RestSignInWithLinkMutationVariables>;
export const RestRateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTicketRating"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTicketRating"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestRateTicketMutation, RestRateTicketMutationVariables>;
export const RestRateTicketWithLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRateTicketWithLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRateWithLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketRateWithLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTicketRating"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTicketRating"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRating"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RestRateTicketWithLinkMutation, RestRateTicketWithLinkMutationVariables>;
export const RestTicketParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestTicketParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<RestTicketParticipantsQuery, RestTicketParticipantsQueryVariables>;
export const RestAddTicketParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestAddTicketParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketParticipantAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ticketId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestAddTicketParticipantMutation, RestAddTicketParticipantMutationVariables>;
export const RestRemoveTicketParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestRemoveTicketParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketParticipantRemove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ticketId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticketId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestRemoveTicketParticipantMutation, RestRemoveTicketParticipantMutationVariables>;
export const RestPortalColleaguesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestPortalColleagues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalColleagues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RestPortalColleaguesQuery, RestPortalColleaguesQueryVariables>;
export const TestCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestCompanies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<TestCompaniesQuery, TestCompaniesQueryVariables>;