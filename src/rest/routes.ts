import { CompaniesDocument } from '../generated/operations';
import { route, type AnyRestRoute } from './executor';

/**
 * The REST adapter: each documented /api/v1 path, the GraphQL operation it runs (src/rest/operations/),
 * how the request becomes variables and how the result becomes the envelope's `data`.
 */
export const restRoutes: readonly AnyRestRoute[] = [
  route({
    method: 'GET',
    path: '/api/v1/customer/companies',
    operation: CompaniesDocument,
    message: 'Companies retrieved.',
    data: (r) => r.companies,
  }),
];
