import { Role } from '@lib/identity';
import { addDays, civilDateOf } from '@lib/pathway';
import { Locator, Page } from 'playwright-core';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { accessibilityViolations, expectVisible, htmlLang, PHONE, shoot, WebHarness } from './support';

/** The IMG's status page on a phone, in English and Spanish (see ./support). */
jest.setTimeout(60_000);

interface MyStatus {
  language: 'en' | 'es';
  stageText: string;
  nextSteps: string[];
  exams: { exam: string; status: string; scheduledDate: string | null; verified: boolean }[];
}

describe('the IMG’s status page', () => {
  const web = new WebHarness();
  beforeAll(web.start, 120_000);
  afterAll(web.stop);
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  /** An IMG with a case manager, a Step 1 booked and a Step 2 CK window open: next steps with dates in them. */
  async function anImg() {
    const center = await createCenter(web.data);
    const day = (n: number) => addDays(civilDateOf(new Date(), center.timeZone), n);
    const caseManager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(web.data, {
      centerId: center.id,
      caseManagerId: caseManager.id,
      firstName: 'Lucía',
    });
    const account = await createUser(web.data, { role: Role.Client, centerId: center.id, clientId: client.id });
    await web.data.query(
      `INSERT INTO exam_records (client_id, exam, status, scheduled_date, eligibility_start, eligibility_end) VALUES
         ($1, 'USMLE_STEP1', 'scheduled', $2, NULL, NULL), ($1, 'USMLE_STEP2_CK', 'planned', NULL, $3, $4)`,
      [client.id, day(20), day(-5), day(150)],
    );
    const myStatus = async (): Promise<MyStatus> => {
      const res = await fetch(`${web.baseUrl}/api/v1/me/status`, { headers: bearer(tokenFor(web.app, account)) });
      expect(res.status).toBe(200);
      return (await res.json()) as MyStatus;
    };
    return { account, caseManager, client, day, myStatus };
  }

  const nextSteps = (page: Page) => page.getByTestId('next-steps').getByRole('listitem');
  /** A form's input by its label (Mantine adds " *" to a required one's). */
  const field = (scope: Locator, label: string) =>
    scope.locator('input').and(scope.getByLabel(new RegExp(`^${label}( \\*)?$`)));
  const pageWidth = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth);

  it('an IMG on a phone switches to Spanish, sees their next step in Spanish, and keeps it after a reload and a new sign-in', async () => {
    const { account, caseManager, day, myStatus } = await anImg();
    const english = await myStatus();
    expect(english.language).toBe('en');

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      await expectVisible(nextSteps(phone).first());
      expect(await nextSteps(phone).allTextContents()).toEqual(english.nextSteps);
      expect(await htmlLang(phone)).toBe('en');
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-status-en-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);

      await phone.getByText('ES', { exact: true }).click();
      await expectVisible(phone.getByRole('heading', { name: 'Próximos pasos' }));
      const spanish = await myStatus();
      expect(spanish.language).toBe('es');
      expect(spanish.nextSteps[0]).not.toBe(english.nextSteps[0]);
      expect(spanish.stageText).not.toBe(english.stageText);
      await expectVisible(phone.getByText(spanish.nextSteps[0], { exact: true }));
      expect(await nextSteps(phone).allTextContents()).toEqual(spanish.nextSteps);
      expect((await phone.getByTestId('stage').textContent())?.trim()).toBe(spanish.stageText);
      expect(await htmlLang(phone)).toBe('es');
      // The page's own words and dates follow: the deadline in Spanish, the case manager to write to.
      const deadlines = phone.getByTestId('deadlines').getByRole('listitem').first();
      expect(await deadlines.textContent()).toBe(
        `${new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day(20)}T00:00:00Z`))}Día del examen Step 1`,
      );
      expect(await phone.getByTestId('case-manager').getByRole('link').getAttribute('href')).toBe(
        `mailto:${caseManager.email}`,
      );
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-status-es-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);

      // A reload resumes the session, in Spanish.
      await phone.reload();
      await expectVisible(phone.getByText(spanish.nextSteps[0], { exact: true }));
      expect(await htmlLang(phone)).toBe('es');
    } finally {
      await phone.close();
    }

    // Another device (nothing in its storage): the preference is the account's.
    const other = await openPage(PHONE);
    try {
      await signIn(other, account.email, TEST_PASSWORD);
      await other.waitForURL(/\/status$/);
      await expectVisible(other.getByRole('heading', { name: 'Próximos pasos' }));
      expect(await nextSteps(other).allTextContents()).toEqual((await myStatus()).nextSteps);
      expect(await other.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
      expect(await htmlLang(other)).toBe('es');
    } finally {
      await other.close();
    }
    expect(web.errors).toEqual([]);
  });

  it('an IMG reports an exam date, sees it awaiting their case manager’s check, and gets their calendar link', async () => {
    const { account, client, day, myStatus } = await anImg();
    // An OET sat three days ago: its result is the IMG's to report.
    await web.data.query(
      `INSERT INTO exam_records (client_id, exam, status, scheduled_date) VALUES ($1, 'OET_MEDICINE', 'scheduled', $2)`,
      [client.id, day(-3)],
    );
    await fetch(`${web.baseUrl}/api/v1/me/preferences`, {
      method: 'PATCH',
      headers: { ...bearer(tokenFor(web.app, account)), 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'es' }),
    }).then((res) => expect(res.status).toBe(200));
    const booked = day(40);

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      const exams = phone.getByTestId('exams');
      await exams.getByRole('button', { name: 'Informar un examen' }).click();
      const form = phone.getByRole('form', { name: 'Informar un examen' });
      await field(form, 'Examen').click();
      await phone.getByRole('option', { name: 'Step 3', exact: true }).click();
      expect(await form.getByRole('radio', { name: 'Una fecha que reservé' }).isChecked()).toBe(true);
      // Sent without its date: said beside the field, in Spanish, and nothing is sent.
      await form.getByRole('button', { name: 'Enviar a mi administrador de caso' }).click();
      await expectVisible(form.getByText('Complete este campo.'));
      expect((await myStatus()).exams.map((e) => e.exam)).not.toContain('USMLE_STEP3');
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-report-exam-es-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      // Typed as the API writes dates; the field shows it written out in Spanish once left.
      const dateField = field(form, 'Fecha del examen');
      await dateField.fill(booked);
      await dateField.blur();
      expect(await dateField.inputValue()).toMatch(
        new RegExp(`^${Number(booked.slice(8))} [a-z]+ ${booked.slice(0, 4)}$`),
      );
      await form.getByRole('button', { name: 'Enviar a mi administrador de caso' }).click();

      await expectVisible(phone.getByText('Enviado. Su administrador de caso lo revisará.'));
      const reported = exams.getByTestId('my-exam').filter({ hasText: 'Step 3' });
      await expectVisible(reported.getByText('Pendiente de revisión por su administrador de caso'));
      expect(await reported.textContent()).toContain('Con fecha reservada');
      expect((await myStatus()).exams).toContainEqual(
        expect.objectContaining({ exam: 'USMLE_STEP3', status: 'scheduled', scheduledDate: booked, verified: false }),
      );

      // The result of an exam on their record: the same form, for that exam.
      const oet = exams.getByTestId('my-exam').filter({ hasText: 'OET Medicine' });
      await oet.getByRole('button', { name: 'Informar el resultado de OET Medicine' }).click();
      const resultForm = phone.getByRole('form', { name: 'Informar el resultado de OET Medicine' });
      await field(resultForm, 'Resultado').click();
      await phone.getByRole('option', { name: 'Todavía sin resultado', exact: true }).click();
      await field(resultForm, 'Fecha en que lo presentó').fill(day(-3));
      await field(resultForm, 'Fecha en que lo presentó').blur();
      await resultForm.getByRole('button', { name: 'Enviar a mi administrador de caso' }).click();
      await expectVisible(oet.getByText('Presentado, resultado pendiente'));
      await expectVisible(oet.getByText('Pendiente de revisión por su administrador de caso'));
      expect((await myStatus()).exams).toContainEqual(
        expect.objectContaining({ exam: 'OET_MEDICINE', status: 'result_pending', verified: false }),
      );

      const calendar = phone.getByTestId('calendar');
      await calendar.getByRole('button', { name: 'Obtener mi enlace de calendario' }).click();
      const link = calendar.getByRole('textbox', { name: 'Enlace del calendario' });
      await expectVisible(link);
      const url = await link.inputValue();
      expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{20,}\.ics$/);
      const webcal = await calendar
        .getByRole('link', { name: 'Abrir en mi aplicación de calendario' })
        .getAttribute('href');
      expect(webcal).toBe(url.replace(/^https?:\/\//, 'webcal://'));
      // The link works (its host is the configured public URL; here the test server answers for it).
      const feed = await fetch(`${web.baseUrl}${new URL(url).pathname}`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('Día del examen Step 3');

      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-status-es-reported-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
