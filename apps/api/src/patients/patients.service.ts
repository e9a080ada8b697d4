// What a family can do about a patient's balance: Pay Now, unless nothing is owed, the practice has
// not turned on online payments, or payments already reported (not posted yet) cover it.
import { balanceCents, type PatientRepository } from '../access/patient-repository.ts';
import type { PatientRecord } from '../models.ts';
import type { PayNowDecision, PayNowPolicy } from '../preferences/pay-now.ts';

export async function payNowFor(patient: PatientRecord, policy: PayNowPolicy, patients: PatientRepository): Promise<PayNowDecision> {
  const balance = balanceCents(patient);
  const beingPosted = balance > 0 && policy.url ? await patients.beingPostedCents(patient) : 0;
  return policy.decide(balance, beingPosted);
}
