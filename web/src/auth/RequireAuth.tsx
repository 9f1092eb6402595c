import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext';
import { PageSpinner } from '../common/PageSpinner';

/** Guards officials' pages: visitors are sent to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, loggedOut } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <PageSpinner />;
  if (status === 'anonymous' && loggedOut) return <Navigate to="/" replace />;
  if (status === 'anonymous') {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <>{children}</>;
}
