// Who is asking: the signed-in user, as every request's session resolves to. Authorization reads
// this (the auth directives for who may call a field, PatientRepository for which rows they see).
import type { Role } from '@kinpay/db';

export interface Viewer {
  userId: string;
  practiceId: string;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
  sessionId: string;
}

export const isStaff = (viewer: Viewer) => viewer.role !== 'PARENT';
