/**
 * The example client's operations, written as a frontend team writes them: `graphql()` from codegen's client
 * preset (`npm run codegen` turns each into a typed document in ./gql and a sha256 entry of the
 * persisted-documents manifest). Nothing here imports the server's code.
 */
import { graphql } from './gql';

export const PortalSignIn = graphql(`
  mutation PortalSignIn($input: PortalLoginInput!) {
    portalLogin(input: $input) {
      accessToken
      account {
        id
        displayName
      }
    }
  }
`);

export const StaffSignIn = graphql(`
  mutation StaffSignIn($input: LoginInput!) {
    login(input: $input) {
      accessToken
      user {
        id
        role
      }
    }
  }
`);

export const ReportTicket = graphql(`
  mutation ReportTicket($input: CreateTicketInput!, $idempotencyKey: String) {
    createTicket(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
      status
    }
  }
`);

export const MyTickets = graphql(`
  query MyTickets($limit: Int, $after: String) {
    tickets(limit: $limit, after: $after) {
      items {
        id
        number
        title
        status
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const WorkspaceIncidents = graphql(`
  query WorkspaceIncidents($limit: Int, $after: String) {
    incidents(limit: $limit, after: $after) {
      items {
        id
        number
        title
        status
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const Acknowledge = graphql(`
  mutation Acknowledge($input: IncidentStatusChangeInput!) {
    incidentStatusChange(input: $input) {
      incident {
        id
        status
      }
    }
  }
`);

export const FollowTicket = graphql(`
  subscription FollowTicket($id: ID!) {
    incidentUpdated(id: $id) {
      number
      status
    }
  }
`);
