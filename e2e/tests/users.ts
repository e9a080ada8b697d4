import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_PASSWORD = 'Demo-Pass-2026!';
export const USERS = {
  admin: 'admin@demo.kinpay.test',
  billing: 'billing@demo.kinpay.test',
  rivera: 'parent.rivera@demo.kinpay.test',
  chen: 'parent.chen@demo.kinpay.test',
} as const;
export type RoleKey = keyof typeof USERS;

const here = path.dirname(fileURLToPath(import.meta.url));
export const storageStateOf = (role: RoleKey) => path.join(here, '../.auth', `${role}.json`);
export const artifact = (name: string) => path.join(here, '../artifacts', name);
