import { Center, Loader, Text } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { ReactElement } from 'react';
import { homeOf } from './api/labels';
import { useMe } from './api/queries';
import { CaseloadPage } from './pages/CaseloadPage';
import { Layout } from './pages/Layout';
import { SignInPage } from './pages/SignInPage';
import { StatusPage } from './pages/StatusPage';
import { useSession } from './session/SessionProvider';

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
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<Home />} />
        <Route path="status" element={<ForRoles roles={['client']} page={<StatusPage />} />} />
        <Route
          path="caseload"
          element={<ForRoles roles={['case_manager', 'director', 'admin']} page={<CaseloadPage />} />}
        />
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

function ForRoles({ roles, page }: { roles: string[]; page: ReactElement }) {
  const me = useMe();
  if (!me.data) return null;
  return roles.includes(me.data.role) ? page : <Navigate to={homeOf(me.data.role)} replace />;
}
