// The shipped JSON Schemas (schemas/<command>.schema.json), compiled by a real
// draft 2020-12 validator in strict mode: a schema strict ajv refuses would fail
// for users who validate with it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";

export const COMMANDS = ["size", "explain", "compare", "check", "load"] as const;
export type Command = (typeof COMMANDS)[number];

export const SCHEMA_DIR = fileURLToPath(new URL("../schemas", import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function readSchema(cmd: Command): { [key: string]: Json } {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${cmd}.schema.json`), "utf8")) as { [key: string]: Json };
}

const ajv = new Ajv2020.default({ strict: true, allErrors: true });
const validators = new Map(COMMANDS.map((cmd) => [cmd, ajv.compile(readSchema(cmd))]));

/** The validator's complaints about `doc` under the command's schema, or null when it is valid. */
export function schemaErrors(cmd: Command, doc: unknown): string | null {
  const validate = validators.get(cmd);
  if (validate === undefined) throw new Error(`no schema for ${cmd}`);
  return validate(doc) ? null : ajv.errorsText(validate.errors, { separator: "; " });
}

/**
 * The documents a command printed: one JSON document (check) or one per line (the others).
 * Stdout must hold nothing else, and each must be valid; returns them for further checks.
 */
export function validOutput(cmd: Command, stdout: string): Json[] {
  expect(stdout.endsWith("\n"), `${cmd} output ends with a newline: ${JSON.stringify(stdout)}`).toBe(true);
  const texts = cmd === "check" ? [stdout] : stdout.slice(0, -1).split("\n");
  return texts.map((text) => {
    const doc = JSON.parse(text) as Json;
    expect(schemaErrors(cmd, doc), `${cmd}: ${text.slice(0, 400)}`).toBeNull();
    return doc;
  });
}
