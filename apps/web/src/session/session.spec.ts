import { RENEW_BEFORE_MS, SessionHolder, type SessionResponse, type TokenStore } from './session';

const memoryStore = (initial: string | null = null): TokenStore => {
  let token = initial;
  return { read: () => token, write: (value) => (token = value) };
};

const pair = (n: number, expiresIn = 900): SessionResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn,
  user: {} as SessionResponse['user'],
});

describe('SessionHolder', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('holds the access token in memory and the refresh token in the store', async () => {
    const store = memoryStore();
    const refresh = jest.fn();
    const holder = new SessionHolder(store, refresh, clock);
    holder.start(pair(1));
    expect(store.read()).toBe('refresh-1');
    expect(holder.active).toBe(true);
    await expect(holder.token()).resolves.toBe('access-1');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('renews an access token about to expire, rotating the refresh token', async () => {
    const store = memoryStore();
    const refresh = jest.fn().mockResolvedValue(pair(2));
    const holder = new SessionHolder(store, refresh, clock);
    holder.start(pair(1, 900));
    now += 900_000 - RENEW_BEFORE_MS;
    await expect(holder.token()).resolves.toBe('access-2');
    expect(refresh).toHaveBeenCalledWith('refresh-1');
    expect(store.read()).toBe('refresh-2');
  });

  it('resumes after a reload from the stored refresh token alone', async () => {
    const holder = new SessionHolder(memoryStore('refresh-0'), jest.fn().mockResolvedValue(pair(1)), clock);
    expect(holder.active).toBe(true);
    await expect(holder.token()).resolves.toBe('access-1');
  });

  it('sends a single-use refresh token once, however many callers need a token at the same time', async () => {
    let answer: (session: SessionResponse) => void = () => undefined;
    const refresh = jest.fn(() => new Promise<SessionResponse>((resolve) => (answer = resolve)));
    const holder = new SessionHolder(memoryStore('refresh-0'), refresh, clock);
    const tokens = Promise.all([holder.token(), holder.token(), holder.refresh()]);
    answer(pair(1));
    await expect(tokens).resolves.toEqual(['access-1', 'access-1', 'access-1']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the API refuses the refresh token, and tells its listeners', async () => {
    const store = memoryStore('refresh-0');
    const holder = new SessionHolder(store, jest.fn().mockResolvedValue(null), clock);
    const listener = jest.fn();
    holder.subscribe(listener);
    await expect(holder.token()).resolves.toBeNull();
    expect(store.read()).toBeNull();
    expect(holder.active).toBe(false);
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session when the API cannot be reached, and tries again next time', async () => {
    const store = memoryStore('refresh-0');
    const refresh = jest.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(pair(1));
    const holder = new SessionHolder(store, refresh, clock);
    await expect(holder.token()).rejects.toThrow('Failed to fetch');
    expect(store.read()).toBe('refresh-0');
    await expect(holder.token()).resolves.toBe('access-1');
  });

  it('on sign out forgets both tokens and hands back the refresh token to end at the API', async () => {
    const refresh = jest.fn();
    const holder = new SessionHolder(memoryStore(), refresh, clock);
    holder.start(pair(1));
    expect(holder.end()).toBe('refresh-1');
    expect(holder.active).toBe(false);
    await expect(holder.token()).resolves.toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});
