/**
 * OpenAPI validation for tests, with `@readme/openapi-parser`. The parser
 * compiles its JSON Schemas to code (ajv), which a process started with
 * `--disallow-code-generation-from-strings` cannot do: there (a CI step runs
 * the suite so, to prove the library needs no code generation) the document
 * is validated by the same parser in a child process without the flag.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { canGenerateCode } from '../../resolver/plan.js';

/** The parser's verdict: validity, the specification name, and its compiled messages. */
export interface Validation {
  readonly valid: boolean;
  readonly specification: string | null | undefined;
  readonly errors: string;
}

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** The validator process: one JSON document per line in, one verdict per line out. */
const CHILD = `
import { createInterface } from 'node:readline';
import { validate, compileErrors } from '@readme/openapi-parser';
for await (const line of createInterface({ input: process.stdin })) {
  const result = await validate(JSON.parse(line));
  process.stdout.write(JSON.stringify({ valid: result.valid, specification: result.specification, errors: result.valid ? '' : compileErrors(result) }) + '\\n');
}
`;

interface Validator {
  send(doc: unknown): Promise<Validation>;
}

let validator: Validator | undefined;

/** Starts the validator process once per test file (it exits with its stdin, when the worker does). */
function child(): Validator {
  const env = { ...process.env, NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace('--disallow-code-generation-from-strings', '') };
  const proc = spawn(process.execPath, ['--input-type=module', '-e', CHILD], { cwd: root, env, stdio: ['pipe', 'pipe', 'inherit'] });
  proc.unref();
  (proc.stdout as unknown as { unref(): void }).unref?.();
  const waiting: ((v: Validation) => void)[] = [];
  createInterface({ input: proc.stdout }).on('line', (line) => waiting.shift()!(JSON.parse(line) as Validation));
  let queue = Promise.resolve() as Promise<unknown>;
  return {
    send(doc) {
      const next = queue.then(() => new Promise<Validation>((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(`${JSON.stringify(doc)}\n`);
      }));
      queue = next;
      return next;
    },
  };
}

/**
 * Validates an OpenAPI document (a copy: the parser dereferences in place).
 *
 * @example
 * ```ts
 * const { valid, errors } = await validateOpenApi(doc)
 * ```
 */
export async function validateOpenApi(doc: unknown): Promise<Validation> {
  if (canGenerateCode) {
    const { validate, compileErrors } = await import('@readme/openapi-parser');
    const result = await validate(structuredClone(doc) as never);
    return { valid: result.valid, specification: result.specification, errors: result.valid ? '' : compileErrors(result) };
  }
  return (validator ??= child()).send(doc);
}
