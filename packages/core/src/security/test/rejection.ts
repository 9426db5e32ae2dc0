import { HTTPException } from '../../errors/catalogue.js';

/** The HTTPException a promise rejects with; fails when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<HTTPException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HTTPException) return error;
    throw error;
  }
  throw new Error('expected the dependency to reject');
}
