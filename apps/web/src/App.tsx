import { Center, Loader, Text } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { lazy, Suspense } from 'react';
import type { ReactElement } from 'react';
import { homeOf, type Role } from './api/labels';
import { useMe } from './api/queries';
import { AcceptInvitePage } from './pages/auth/AcceptInvitePage';
import { AccountLayout } from './pages/auth/AccountLayout';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { CaseloadPage } from './pages/caseload/CaseloadPage';
import { IntakePage } from './pages/client/IntakePage';
import { InboxPage } from './pages/inbox/InboxPage';
import { Layout } from './pages/Layout';
import { SignInPage } from './pages/SignInPage';
import { StatusPage } from './pages/status/StatusPage';
import { useSession } from './session/SessionProvider';

/**
 * Loaded when first opened: an IMG on a phone downloads neither the dashboard's charts nor the
 * staff's forms, and the first screen of each role comes sooner.
 */
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ClientPage = lazy(() => import('./pages/client/ClientPage').then((m) => ({ default: m.ClientPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const STAFF: Role[] = ['case_manager', 'director', 'admin'];

export function App() {
  const { state } = useSession();
  if (state === 'resuming') {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label="Resuming your session" />
      </Center>
    );
  }
  if (state === 'signed-out') {
    return (
      <Routes>
        <Route element={<AccountLayout />}>
          <Route path="/sign-in" element={<SignInPage />} />
          {/* Links from e-mails: they work signed out, and sign the person in once done. */}
          <Route path="/accept-invite" element={<AcceptInvitePage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        </Route>
        <Route path="*" element={<ToSignIn />} />
      </Routes>
    );
  }
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="sign-in" element={<Home />} />
          <Route path="accept-invite" element={<Home />} />
          <Route path="reset-password" element={<Home />} />
          <Route path="forgot-password" element={<Home />} />
          <Route path="status" element={<ForRoles roles={['client']} page={<StatusPage />} />} />
          <Route path="caseload" element={<ForRoles roles={STAFF} page={<CaseloadPage />} />} />
          <Route path="inbox" element={<ForRoles roles={STAFF} page={<InboxPage />} />} />
          <Route path="clients/new" element={<ForRoles roles={['case_manager', 'admin']} page={<IntakePage />} />} />
          <Route path="clients/:clientId/:tab?" element={<ForRoles roles={STAFF} page={<ClientPage />} />} />
          <Route path="dashboard" element={<ForRoles roles={['director', 'admin']} page={<DashboardPage />} />} />
          <Route path="admin/:section?" element={<ForRoles roles={['admin']} page={<AdminPage />} />} />
          <Route path="*" element={<Text>This page does not exist.</Text>} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function PageLoading() {
  return (
    <Center py="xl" role="status">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}

/** A link opened signed out (a shared dashboard view, a client's page) is where sign-in goes after. */
function ToSignIn() {
  const { pathname, search } = useLocation();
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return <Navigate to={`/sign-in${next}`} replace />;
}

/**
 * `/` (and a sign-in just done) lands on the signed-in person's own home, or on the page they
 * had opened before signing in. Only a path on this site: `//host` would leave it. Layout has loaded /me.
 */
function Home() {
  const me = useMe();
  const next = new URLSearchParams(useLocation().search).get('next');
  if (!me.data) return null;
  const ownPath = next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return <Navigate to={ownPath ? next : homeOf(me.data.role)} replace />;
}

function ForRoles({ roles, page }: { roles: Role[]; page: ReactElement }) {
  const me = useMe();
  if (!me.data) return null;
  return roles.includes(me.data.role) ? page : <Navigate to={homeOf(me.data.role)} replace />;
}
