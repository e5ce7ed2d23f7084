/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A customer's new ticket. */
export type CreateTicketInput = {
  /** What happened, 1 to 10,000 characters. */
  description: string;
  /** How urgent it is for the customer; it sets the SLA due times. */
  priority: Priority;
  /** A short title, 1 to 200 characters. */
  title: string;
  /** INCIDENT (default) or CHANGE (a change request). */
  type?: IncidentType;
};

/** OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED; a resolved or closed incident may be reopened. */
export type IncidentStatus =
  /** Staff have responded (this ends the response SLA). */
  | 'ACKNOWLEDGED'
  /** Done with. */
  | 'CLOSED'
  /** The cause is being looked for. */
  | 'INVESTIGATION'
  /** The impact is contained; the fix is not final. */
  | 'MITIGATED'
  /** Reported, nobody has responded yet. */
  | 'OPEN'
  /** Fixed (this ends the resolution SLA); the reporter may rate it. */
  | 'RESOLVED';

/** The incident and a move along the status machine (OPEN → ACKNOWLEDGED → INVESTIGATION → MITIGATED → RESOLVED → CLOSED, and reopening). */
export type IncidentStatusChangeInput = {
  /** When resolving: also draft a knowledge-base article (INTERNAL, DRAFT) from the title, description and resolution summary. */
  createKbDraft?: boolean | null | undefined;
  /** The incident's id or number. */
  id: string | number;
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
export type IncidentType =
  /** A change request (CHG- numbers). */
  | 'CHANGE'
  /** Something is broken or degraded (INC- numbers). */
  | 'INCIDENT';

/** Staff credentials. */
export type LoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
};

/** Portal login (OpsWeave): the tenant is named by its slug. */
export type PortalLoginInput = {
  /** The sign-in address. */
  email: string;
  /** The password. */
  password: string;
  /** The workspace's slug. */
  tenantSlug: string;
};

/** How urgent an incident is; each has its SLA targets (slaPolicies). */
export type Priority =
  /** An outage, data loss or a security breach. */
  | 'CRITICAL'
  /** Many users affected, or an important function down. */
  | 'HIGH'
  /** Little impact; no rush. */
  | 'LOW'
  /** Some users affected, or a workaround exists. */
  | 'MEDIUM';

/** Staff roles, from most to least powerful. */
export type StaffRole =
  /** Runs the workspace: settings, staff, audit log, webhooks. */
  | 'ADMIN'
  /** Works incidents through their whole life, writes articles. */
  | 'ENGINEER'
  /** Assigns incidents, manages customers, portal users and SLA targets. */
  | 'MANAGER'
  /** Acknowledges incidents and comments on them. */
  | 'RESPONDER'
  /** The platform operator: every workspace, acting in one with X-Tenant-Id. */
  | 'SUPER_ADMIN'
  /** Reads. */
  | 'VIEWER';

export type PortalSignInMutationVariables = Exact<{
  input: PortalLoginInput;
}>;


export type PortalSignInMutation = { portalLogin: { accessToken: string, account: { id: string, displayName: string } } | null };

export type StaffSignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type StaffSignInMutation = { login: { accessToken: string, user: { id: string, role: StaffRole } } | null };

export type ReportTicketMutationVariables = Exact<{
  input: CreateTicketInput;
  idempotencyKey?: string | null | undefined;
}>;


export type ReportTicketMutation = { createTicket: { id: string, number: string, status: IncidentStatus } | null };

export type MyTicketsQueryVariables = Exact<{
  limit?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyTicketsQuery = { tickets: { items: Array<{ id: string, number: string, title: string, status: IncidentStatus }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type WorkspaceIncidentsQueryVariables = Exact<{
  limit?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkspaceIncidentsQuery = { incidents: { items: Array<{ id: string, number: string, title: string, status: IncidentStatus }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type AcknowledgeMutationVariables = Exact<{
  input: IncidentStatusChangeInput;
}>;


export type AcknowledgeMutation = { incidentStatusChange: { incident: { id: string, status: IncidentStatus } } | null };

export type FollowTicketSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type FollowTicketSubscription = { incidentUpdated: { number: string, status: IncidentStatus } };


export const PortalSignInDocument = {"__meta__":{"hash":"sha256:c3265a2fc5ba987d2de23d2e53f350cbbf0a382d7d1e4c5f85be8e172d5de288"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalLoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<PortalSignInMutation, PortalSignInMutationVariables>;
export const StaffSignInDocument = {"__meta__":{"hash":"sha256:5fef796bed54a76aebde64bce0d604f1c6dd2cb5380d28d2cf25869c97e388c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StaffSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StaffSignInMutation, StaffSignInMutationVariables>;
export const ReportTicketDocument = {"__meta__":{"hash":"sha256:e9e434d3383337c38af673c71929a22a6c62952ba2b61a7316f09698e6345fcf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTicketInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReportTicketMutation, ReportTicketMutationVariables>;
export const MyTicketsDocument = {"__meta__":{"hash":"sha256:c0f646d4efbe2bf7d9069916109d94b160e70ae861d0163c12a2f2b56a013d3e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyTicketsQuery, MyTicketsQueryVariables>;
export const WorkspaceIncidentsDocument = {"__meta__":{"hash":"sha256:e55a5ce80574955e540f809d1840ab30704b9a25b1f604a2d29176686d342915"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceIncidentsQuery, WorkspaceIncidentsQueryVariables>;
export const AcknowledgeDocument = {"__meta__":{"hash":"sha256:2d386a79ed49640edd2ea77ba05623ab2c2cea7d571f2ed973941d25a9df02dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Acknowledge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatusChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeMutation, AcknowledgeMutationVariables>;
export const FollowTicketDocument = {"__meta__":{"hash":"sha256:e0fa33afc7a26d92720530d003e32242f98f1ee411721fe391d79cbfa5b2a4bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FollowTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowTicketSubscription, FollowTicketSubscriptionVariables>;