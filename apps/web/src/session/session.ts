import type { components } from '../api/schema';

export type SessionResponse = components['schemas']['SessionResponse'];

/** Where the refresh token outlives a page load (the browser's sessionStorage; a variable in tests). */
export interface TokenStore {
  read(): string | null;
  write(token: string | null): void;
}

/**
 * POST /auth/refresh: the new pair, or null when the API refuses the token (used, expired, its
 * session ended). Throws when the API cannot be reached: that ends nothing.
 */
export type RefreshCall = (refreshToken: string) => Promise<SessionResponse | null>;

/** An access token this close to expiring is renewed before use rather than sent to be refused. */
export const RENEW_BEFORE_MS = 30_000;

/**
 * The browser's session: the access token in memory only, the refresh token in a TokenStore so a
 * reload can resume. Refresh tokens are single use (the API rotates them and ends the whole session
 * when one is presented twice), so concurrent callers share one refresh rather than each sending
 * the same token.
 */
export class SessionHolder {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private pending: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: TokenStore,
    private readonly refreshCall: RefreshCall,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while a refresh token is held: the session may be resumed or renewed. */
  get active(): boolean {
    return this.store.read() !== null;
  }

  /** After a login (or an accepted invitation, a reset password): holds the pair. */
  start(session: SessionResponse): void {
    this.accessToken = session.accessToken;
    this.expiresAt = this.now() + session.expiresIn * 1000;
    this.store.write(session.refreshToken);
    this.notify();
  }

  /** A valid access token, renewed first when it is missing or about to expire; null when signed out. */
  async token(): Promise<string | null> {
    if (this.accessToken !== null && this.now() < this.expiresAt - RENEW_BEFORE_MS) return this.accessToken;
    return this.refresh();
  }

  /** Exchanges the refresh token for a new pair, once for all concurrent callers. */
  refresh(): Promise<string | null> {
    this.pending ??= this.exchange().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forgets the session here and returns its refresh token, for the caller to end it at the API. */
  end(): string | null {
    const refreshToken = this.store.read();
    this.accessToken = null;
    this.expiresAt = 0;
    this.store.write(null);
    this.notify();
    return refreshToken;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async exchange(): Promise<string | null> {
    const refreshToken = this.store.read();
    if (refreshToken === null) return null;
    const renewed = await this.refreshCall(refreshToken);
    if (renewed === null) {
      this.end();
      return null;
    }
    this.start(renewed);
    return renewed.accessToken;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
