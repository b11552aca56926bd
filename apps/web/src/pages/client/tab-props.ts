import type { components } from '../../api/schema';

export type ClientDetail = components['schemas']['ClientResponse'];

/** What every tab of the client page is given: the client as GET /clients/:id answered. */
export interface ClientTabProps {
  clientId: string;
  client: ClientDetail;
}
