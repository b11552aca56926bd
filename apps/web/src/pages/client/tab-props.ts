import type { components } from '../../api/schema';
import type { AsRead } from '../../api/views';

/** The whole client record: what admins and case managers read, and what the edit form changes. */
export type ClientDetail = components['schemas']['ClientResponse'];

/** What a director reads of the client: an allow-list of its fields. */
export type ClientDirectorView = components['schemas']['ClientDirectorView'];

/** The client as GET /clients/:id answered this reader: whole, or a director's view of it. */
export type ClientAsRead = AsRead<ClientDetail, ClientDirectorView>;

/** What every tab of the client page is given: the client as GET /clients/:id answered. */
export interface ClientTabProps {
  clientId: string;
  client: ClientAsRead;
}
