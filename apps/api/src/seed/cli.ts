// pnpm db:seed: adds the demo practice (once) to DATABASE_URL or the embedded database.
import { databaseOptionsFromEnv, openDatabase } from '@kinpay/db';
import { hasAnyPractice, seedDemoPractice } from './demo-practice.ts';

const db = await openDatabase(databaseOptionsFromEnv());
try {
  if (await hasAnyPractice(db.prisma)) {
    console.log('The database already has a practice; nothing seeded.');
  } else {
    const result = await seedDemoPractice(db.prisma);
    console.log(`Seeded the demo practice: ${result.patients} patients, ${result.charges} charges.`);
  }
} finally {
  await db.close();
}
