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
  mutation ReportTicket($input: TicketCreateInput!) {
    ticketCreate(input: $input) {
      ticket {
        id
        number
        status
      }
      replayed
    }
  }
`);

export const MyTickets = graphql(`
  query MyTickets($first: Int, $after: String) {
    ticketsConnection(first: $first, after: $after) {
      nodes {
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
  query WorkspaceIncidents($first: Int, $after: String) {
    incidentsConnection(first: $first, after: $after) {
      nodes {
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
    ticketUpdated(id: $id) {
      number
      status
    }
  }
`);
