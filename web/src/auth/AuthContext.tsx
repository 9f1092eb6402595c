// Holds the logged-in user for the whole app. The session itself is an
// httpOnly cookie; the client only keeps the user and the CSRF token.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from '../api';
import type { Session, User } from '../types';

type AuthStatus = 'checking' | 'anonymous' | 'authenticated';

interface AuthValue {
  status: AuthStatus;
  user: User | null;
  /** True when the user was dropped because a call found the session expired. */
  expired: boolean;
  /** True right after an explicit logout, so guarded pages go home rather than to /login. */
  loggedOut: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('checking');
  const [user, setUser] = useState<User | null>(null);
  const [expired, setExpired] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setExpired(false);
    setLoggedOut(false);
    setStatus('authenticated');
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    let active = true;
    api
      .get<Session>('/api/auth/me')
      .then((session) => active && accept(session))
      // 401 is the normal answer for a visitor; any other failure also means "not logged in".
      .catch(() => active && forget());
    return () => {
      active = false;
    };
  }, [accept, forget]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setExpired(true);
        forget();
      }),
    [forget],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>('/api/auth/login', { username, password });
      accept(session);
      return session.user;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } catch (err) {
      // A session that is already gone is as good as logged out.
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
    } finally {
      setLoggedOut(true);
      forget();
    }
  }, [forget]);

  const value = useMemo(
    () => ({ status, user, expired, loggedOut, login, logout }),
    [status, user, expired, loggedOut, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
