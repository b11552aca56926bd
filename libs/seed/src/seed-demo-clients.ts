import { Center } from '@lib/centers';
import {
  Client,
  ClientNote,
  ClientReferral,
  ClientStatus,
  ClientTask,
  DeliveredService,
  ServiceCategory,
} from '@lib/clients';
import { hashPassword, Role, User } from '@lib/identity';
import { PartnerProgram } from '@lib/programs';
import { DataSource, In } from 'typeorm';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './seed-demo-staff';

/** Invented people, grouped by the country where they trained, with the languages they speak. */
const POPULATIONS: Array<{ country: string; languages: string[]; schools: string[]; first: string[]; last: string[] }> =
  [
    {
      country: 'SY',
      languages: ['ar', 'en'],
      schools: ['University of Damascus Faculty of Medicine', 'University of Aleppo Faculty of Medicine'],
      first: ['Amina', 'Omar', 'Lina', 'Karim', 'Rania', 'Yousef'],
      last: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Sabbagh', 'Darwish'],
    },
    {
      country: 'AF',
      languages: ['fa', 'ps', 'en'],
      schools: ['Kabul University of Medical Sciences'],
      first: ['Farid', 'Mariam', 'Zahra', 'Habib'],
      last: ['Ahmadzai', 'Noori', 'Hakimi', 'Rahimi'],
    },
    {
      country: 'UA',
      languages: ['uk', 'ru', 'en'],
      schools: ['Bogomolets National Medical University', 'Lviv National Medical University'],
      first: ['Olena', 'Andriy', 'Iryna', 'Taras'],
      last: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk'],
    },
    {
      country: 'VE',
      languages: ['es', 'en'],
      schools: ['Universidad Central de Venezuela'],
      first: ['María', 'Carlos', 'Gabriela', 'Andrés'],
      last: ['González', 'Pérez', 'Rodríguez', 'Hernández'],
    },
    {
      country: 'CO',
      languages: ['es'],
      schools: ['Universidad de Antioquia'],
      first: ['Juan', 'Camila', 'Valentina'],
      last: ['Martínez', 'López', 'Ramírez'],
    },
    {
      country: 'CU',
      languages: ['es'],
      schools: ['Universidad de Ciencias Médicas de La Habana'],
      first: ['Yanelis', 'Ernesto', 'Dayana'],
      last: ['Fernández', 'Díaz', 'Castillo'],
    },
    {
      country: 'IR',
      languages: ['fa', 'en'],
      schools: ['Tehran University of Medical Sciences'],
      first: ['Parisa', 'Reza', 'Shirin'],
      last: ['Karimi', 'Tehrani', 'Moradi'],
    },
    {
      country: 'NG',
      languages: ['en', 'yo', 'ig'],
      schools: ['University of Lagos College of Medicine', 'University of Ibadan College of Medicine'],
      first: ['Chiamaka', 'Emeka', 'Folake', 'Tunde'],
      last: ['Okafor', 'Eze', 'Adeyemi', 'Balogun'],
    },
    {
      country: 'ET',
      languages: ['am', 'en'],
      schools: ['Addis Ababa University School of Medicine'],
      first: ['Selam', 'Dawit', 'Hana'],
      last: ['Bekele', 'Tesfaye', 'Girma'],
    },
    {
      country: 'IN',
      languages: ['hi', 'en'],
      schools: ['Maulana Azad Medical College', 'Grant Medical College'],
      first: ['Priya', 'Arjun', 'Ananya'],
      last: ['Sharma', 'Nair', 'Iyer'],
    },
    {
      country: 'PH',
      languages: ['tl', 'en'],
      schools: ['University of Santo Tomas Faculty of Medicine and Surgery'],
      first: ['Maricel', 'Jose', 'Rowena'],
      last: ['Santos', 'Reyes', 'Bautista'],
    },
    {
      country: 'HT',
      languages: ['ht', 'fr', 'en'],
      schools: ["Université d'État d'Haïti Faculté de Médecine"],
      first: ['Jean-Baptiste', 'Mirlande', 'Stéphanie'],
      last: ['Louis', 'Pierre', 'Joseph'],
    },
    {
      country: 'CN',
      languages: ['zh', 'en'],
      schools: ['Peking University Health Science Center'],
      first: ['Wei', 'Li Na', 'Jun'],
      last: ['Zhang', 'Wang', 'Liu'],
    },
    {
      country: 'ER',
      languages: ['ti', 'en'],
      schools: ['Orotta College of Medicine and Health Sciences'],
      first: ['Senait', 'Yonas'],
      last: ['Tesfamariam', 'Habte'],
    },
    {
      country: 'MM',
      languages: ['my', 'en'],
      schools: ['University of Medicine 1, Yangon'],
      first: ['Aung', 'Thandar'],
      last: ['Kyaw', 'Win'],
    },
  ];

const SPECIALTIES = [
  'Family Medicine',
  'Internal Medicine',
  'Pediatrics',
  'Psychiatry',
  'Neurology',
  'Obstetrics and Gynecology',
  'Pathology',
  'General Surgery',
];
const IMMIGRATION = ['refugee', 'asylee', 'permanent_resident', 'citizen', 'tps', 'work_permit', 'other'] as const;
const NOTES = [
  'Reviewed the pathway plan; client is studying for Step 1 with a group.',
  'Client asked about OET Medicine; shared the test dates and the sub-score requirements.',
  'Discussed observership options at a local hospital; will send a CV.',
  'Checked in after a family move; client is back to studying part time.',
  'Helped with the ECFMG Pathway application; documents are being translated.',
  'Mock interview for residency applications; feedback on the personal statement.',
  'Client reports working as a medical assistant while preparing for Step 2 CK.',
];
const SERVICES: ServiceCategory[] = [
  'educational_guidance',
  'english_course',
  'exam_preparation',
  'other_course',
  'clinical_experience_placement',
  'financial_support',
  'mentoring',
  'referral',
];
const TASKS = [
  'Request the final transcript',
  'Book the OET Medicine test',
  'Schedule Step 2 CK',
  'Ask the observership supervisor for a letter',
  'Update the CV for ERAS',
  'Register with NRMP',
];

export const DEMO_CLIENTS_PER_CENTER = 40;

/** A small deterministic generator (mulberry32), so every demo has the same population. */
function generator(seed: string): () => number {
  let state = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (base: Date, days: number) => new Date(base.getTime() - days * 86_400_000);

export interface DemoClientLogin {
  email: string;
  name: string;
  center: string;
}

/**
 * About 40 invented clients per center that has none yet, with notes, services, tasks and
 * referrals, and for the first center a few client accounts (password: the demo password).
 * Idempotent: a center that already has clients is left alone.
 */
export async function seedDemoClients(
  dataSource: DataSource,
  now = new Date(),
): Promise<{ added: number; logins: DemoClientLogin[] }> {
  const centers = await dataSource.getRepository(Center).find({ order: { name: 'ASC' } });
  const programs = await dataSource.getRepository(PartnerProgram).find({ order: { slug: 'ASC' } });
  const managers = await dataSource
    .getRepository(User)
    .find({ where: { role: Role.CaseManager, centerId: In(centers.map((c) => c.id)) } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let added = 0;
  const logins: DemoClientLogin[] = [];

  for (const [centerIndex, center] of centers.entries()) {
    const existing = await dataSource.getRepository(Client).countBy({ centerId: center.id });
    const short = center.slug.replace(/^wbc-/, '');
    if (existing > 0) {
      const accounts = await dataSource.query(
        `SELECT u.email, c.first_name || ' ' || c.last_name AS name FROM users u JOIN clients c ON c.id = u.client_id WHERE c.center_id = $1 AND u.email LIKE $2`,
        [center.id, `%@${DEMO_DOMAIN}`],
      );
      logins.push(
        ...accounts.map((a: { email: string; name: string }) => ({
          email: a.email,
          name: a.name,
          center: center.name,
        })),
      );
      continue;
    }
    const random = generator(center.slug);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const staff = managers.filter((m) => m.centerId === center.id);

    await dataSource.transaction(async (manager) => {
      const clients = Array.from({ length: DEMO_CLIENTS_PER_CENTER }, (_, i) => {
        const population = pick(POPULATIONS);
        const firstName = pick(population.first);
        const lastName = pick(population.last);
        const roll = random();
        const status: ClientStatus = roll < 0.75 ? 'active' : roll < 0.9 ? 'inactive' : 'closed';
        const alternative = random() < 0.15;
        const consent = random() < 0.7;
        const intake = daysBefore(now, 30 + Math.floor(random() * 1800));
        const graduation = 1995 + Math.floor(random() * 28);
        const account = centerIndex === 0 && i < 3;
        return {
          centerId: center.id,
          caseManagerId: staff.length > 0 ? staff[i % staff.length].id : null,
          firstName,
          lastName,
          dateOfBirth: isoDate(
            new Date(
              Date.UTC(
                graduation - 24 - Math.floor(random() * 3),
                Math.floor(random() * 12),
                1 + Math.floor(random() * 28),
              ),
            ),
          ),
          email: account
            ? `client${i + 1}.${short}@${DEMO_DOMAIN}`
            : `${firstName}.${lastName}.${short}${i}`
                .normalize('NFKD')
                .replace(/[^\w.]/g, '')
                .toLowerCase() + '@example.org',
          phone: `+1 555 01${String(centerIndex).padStart(2, '0')} ${String(1000 + i)}`,
          preferredLanguage: random() < 0.3 && population.languages.includes('es') ? 'es' : 'en',
          spokenLanguages: population.languages,
          countryOfTraining: population.country,
          medicalSchool: pick(population.schools),
          graduationYear: graduation,
          immigrationStatus: pick(IMMIGRATION),
          intakeDate: isoDate(intake),
          careerGoal: alternative ? ('alternative_career' as const) : ('residency' as const),
          alternativeCareer: alternative
            ? pick(['research', 'public_health', 'other_health_profession'] as const)
            : null,
          targetSpecialties: alternative ? [] : [pick(SPECIALTIES)],
          consentToShare: consent,
          consentDate: consent ? isoDate(intake) : null,
          status,
          closedReason:
            status === 'closed' ? pick(['Moved out of state', 'Chose another career', 'No contact for a year']) : null,
          closedDate: status === 'closed' ? isoDate(daysBefore(now, Math.floor(random() * 25))) : null,
          lastActivityAt: daysBefore(now, Math.floor(random() * 90)),
          account,
        };
      });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Client)
        .values(clients.map(({ account: _account, ...row }) => row))
        // Demo data loaded by set-up, not a change anyone made: not audited.
        .callListeners(false)
        .returning(['id'])
        .execute();
      const ids: string[] = inserted.raw.map((row: { id: string }) => row.id);

      const notes: Partial<ClientNote>[] = [];
      const services: Partial<DeliveredService>[] = [];
      const tasks: Partial<ClientTask>[] = [];
      const referrals: Partial<ClientReferral>[] = [];
      ids.forEach((clientId, i) => {
        const client = clients[i];
        const author = client.caseManagerId;
        // Casework happens after intake: dates from intake to today.
        const sinceIntake = Math.max(
          1,
          Math.round((now.getTime() - new Date(client.intakeDate).getTime()) / 86_400_000),
        );
        const afterIntake = () => isoDate(daysBefore(now, Math.floor(random() * Math.min(700, sinceIntake))));
        for (let n = 0; n < 1 + Math.floor(random() * 6); n += 1) {
          notes.push({
            clientId,
            authorId: author,
            contactType: pick(['in_person', 'phone', 'email', 'video', 'message'] as const),
            contactDate: afterIntake(),
            body: pick(NOTES),
          });
        }
        for (let n = 0; n < 1 + Math.floor(random() * 5); n += 1) {
          const category = pick(SERVICES);
          const money = category === 'financial_support';
          services.push({
            clientId,
            recordedBy: author,
            category,
            serviceDate: afterIntake(),
            hours: money ? null : (1 + Math.floor(random() * 8)).toFixed(2),
            amountCents: money ? String((5 + Math.floor(random() * 50)) * 1000) : null,
            currency: money ? 'USD' : null,
            provider: money ? 'Center scholarship fund' : null,
          });
        }
        for (let n = 0; n < Math.floor(random() * 4); n += 1) {
          const done = random() < 0.4;
          tasks.push({
            clientId,
            createdBy: author,
            title: pick(TASKS),
            dueDate: isoDate(daysBefore(now, Math.floor(random() * 120) - 60)),
            assigneeUserId: random() < 0.5 ? author : null,
            assignedToClient: false,
            status: done ? 'done' : 'open',
            completedAt: done ? daysBefore(now, Math.floor(random() * 30)) : null,
          });
        }
        if (client.consentToShare && programs.length > 0) {
          for (let n = 0; n < Math.floor(random() * 3); n += 1) {
            referrals.push({
              clientId,
              createdBy: author,
              programId: pick(programs).id,
              referralDate: afterIntake(),
              status: pick(['sent', 'accepted', 'declined', 'completed'] as const),
            });
          }
        }
      });
      for (const [entity, rows] of [
        [ClientNote, notes],
        [DeliveredService, services],
        [ClientTask, tasks],
        [ClientReferral, referrals],
      ] as const) {
        if (rows.length > 0)
          await manager
            .createQueryBuilder()
            .insert()
            .into(entity)
            .values(rows as never)
            .callListeners(false)
            .execute();
      }
      const accountRows = clients
        .map((client, i) => ({ client, id: ids[i] }))
        .filter(({ client }) => client.account)
        .map(({ client, id }) => ({
          email: client.email,
          displayName: `${client.firstName} ${client.lastName}`,
          role: Role.Client,
          centerId: null,
          clientId: id,
          passwordHash,
          active: true,
        }));
      if (accountRows.length > 0)
        await manager.createQueryBuilder().insert().into(User).values(accountRows).callListeners(false).execute();
      logins.push(...accountRows.map((a) => ({ email: a.email, name: a.displayName, center: center.name })));
    });
    added += DEMO_CLIENTS_PER_CENTER;
  }
  return { added, logins };
}
