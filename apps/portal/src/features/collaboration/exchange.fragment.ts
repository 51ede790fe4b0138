import { graphql } from '../../gql';

/** What the portal shows of a teacher exchange, wherever it lists one. */
export const PortalExchange_Fields = graphql(`
  fragment PortalExchange_Fields on TeacherExchange {
    id
    kind
    startDate
    endDate
    consent
    decisionComment
    teacher {
      id
      name
    }
    fromSchool {
      id
      name
    }
    toSchool {
      id
      name
    }
  }
`);
