import { Container, Group } from '@mantine/core';
import { Outlet, useOutletContext, useSearchParams } from 'react-router-dom';
import { ACCOUNT_MESSAGES, type AccountMessages } from '../../i18n/account-messages';
import { isLanguage } from '../../i18n/language';
import { LanguagePicker } from '../../i18n/LanguageSwitch';
import { useDeviceLanguage } from '../../i18n/useLanguage';

/**
 * The pages before sign-in: sign in, forgot password, and the invitation and reset links. An IMG
 * may open them in Spanish before any preference can be read, so they follow the language of the
 * e-mail that linked here, else this device's, with the switch at the top.
 */
export function AccountLayout() {
  const fromLink = useSearchParams()[0].get('lang');
  const [language, setLanguage] = useDeviceLanguage(isLanguage(fromLink) ? fromLink : null);
  return (
    <Container size={460} py="xl">
      <Group justify="flex-end" mb="md">
        <LanguagePicker value={language} onChange={setLanguage} />
      </Group>
      <Outlet context={ACCOUNT_MESSAGES[language]} />
    </Container>
  );
}

/** The words of the account page being shown, in the device's language. */
export const useAccountWords = (): AccountMessages => useOutletContext<AccountMessages>();
