/**
 * Java's verdict on the AWS model's constraints: the model's patterns are Java regular expressions
 * (its `\s` and `\w` are ASCII-only, unlike JavaScript's `\s`), so only java.util.regex can say what
 * they accept. ModelPattern.java is compiled once into a temporary directory and asked about every
 * value in one run. Without a JDK this throws (the suite fails with the message): it never skips.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface JavaQuestion {
  readonly pattern: string;
  readonly value: string;
}

export type JavaAnswer = "match" | "no match";

const SOURCE = join(__dirname, "ModelPattern.java");

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? `${command} is not on PATH: the input table asks Java whether each value matches the AWS model's ` +
            "pattern (a Java regular expression). Install a JDK (17 or later, e.g. `apt-get install " +
            "openjdk-17-jdk-headless`) so that `javac` and `java` are on PATH."
        : `${command} failed to start: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

let compiled: string | undefined;

/** Compiles ModelPattern.java once per test process, into a directory removed when the process exits. */
function classes(): string {
  if (compiled === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "model-pattern-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    run("javac", ["-d", dir, SOURCE]);
    compiled = dir;
  }
  return compiled;
}

/** Asks Java, in one process, whether each value matches its pattern as a whole. */
export function javaMatches(questions: readonly JavaQuestion[]): JavaAnswer[] {
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const input = questions.map((q) => `${b64(q.pattern)}\t${b64(q.value)}\n`).join("");
  const lines = run("java", ["-cp", classes(), "ModelPattern"], input).split("\n").slice(0, -1);
  if (lines.length !== questions.length) {
    throw new Error(`ModelPattern answered ${lines.length} of ${questions.length} questions`);
  }
  return lines.map((line, i) => {
    if (line === "match" || line === "no match") return line;
    throw new Error(`ModelPattern on ${JSON.stringify(questions[i]!.pattern)}: ${line}`);
  });
}
