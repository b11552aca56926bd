import { Center, Loader, Text } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { ReactElement } from 'react';
import { homeOf, type Role } from './api/labels';
import { useMe } from './api/queries';
import { AdminPage } from './pages/admin/AdminPage';
import { AcceptInvitePage } from './pages/auth/AcceptInvitePage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { CaseloadPage } from './pages/caseload/CaseloadPage';
import { ClientPage } from './pages/client/ClientPage';
import { IntakePage } from './pages/client/IntakePage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { Layout } from './pages/Layout';
import { SignInPage } from './pages/SignInPage';
import { StatusPage } from './pages/status/StatusPage';
import { useSession } from './session/SessionProvider';

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
        <Route path="/sign-in" element={<SignInPage />} />
        {/* Links from e-mails: they work signed out, and sign the person in once done. */}
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  }
  return (
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
  );
}

/** `/` (and a sign-in just done) lands on the signed-in person's own home. Layout has loaded /me. */
function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeOf(me.data.role)} replace /> : null;
}

function ForRoles({ roles, page }: { roles: Role[]; page: ReactElement }) {
  const me = useMe();
  if (!me.data) return null;
  return roles.includes(me.data.role) ? page : <Navigate to={homeOf(me.data.role)} replace />;
}
