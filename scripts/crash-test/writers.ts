/**
 * The load: concurrent writers that each log dialogue entries as a county officer, one request after the other, and
 * record every write the server acknowledged (201 with the entry's id) with the notes it was sent with.
 */

/** The county officer of Västra Götaland writes about Göteborg (both in the demo data). */
export const WRITER_LOGIN = "lst14@uppsikt.example";
export const WRITER_MUNICIPALITY = "1480";

export interface Acknowledged {
  id: string;
  notes: string;
  round: number;
}

export interface RoundLoad {
  /** 201 with an id. */
  acknowledged: number;
  /** Sent and not answered when the server was killed: either outcome is correct. */
  unanswered: number;
  /** Answered with another status than 201 (a failure of the run). */
  refused: { status: number; body: string }[];
  /** Requests in flight at the moment of the kill. */
  inFlightAtKill: number;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export function sessionOf(cookie: string): Session {
  return { cookie, csrf: /csrf_token=([^;]+)/.exec(cookie)![1]! };
}

/**
 * Runs `writers` loops against `base` until `stop()` is called; `inFlight()` tells how many requests are out now.
 * `done` resolves when every loop has ended, with the round's counts.
 */
export function startWriters(options: {
  base: string;
  session: Session;
  writers: number;
  round: number;
  runId: string;
  date: string;
  ledger: Acknowledged[];
}) {
  let running = true;
  let inFlight = 0;
  const load: RoundLoad = { acknowledged: 0, unanswered: 0, refused: [], inFlightAtKill: 0 };
  const loop = async (writer: number) => {
    for (let n = 1; running; n++) {
      const notes = `crash-test ${options.runId} round ${options.round} writer ${writer} write ${n}`;
      inFlight++;
      try {
        const res = await fetch(`${options.base}/api/v1/dialogue-entries`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie: options.session.cookie,
            "x-csrf-token": options.session.csrf,
          },
          body: JSON.stringify({
            municipalities: [WRITER_MUNICIPALITY],
            date: options.date,
            form: "phone",
            subjects: ["other"],
            notes,
          }),
          signal: AbortSignal.timeout(60_000),
        });
        const text = await res.text();
        if (res.status === 201) {
          const id = (JSON.parse(text) as { id?: unknown }).id;
          if (typeof id !== "string") throw new Error(`201 without an id: ${text.slice(0, 200)}`);
          options.ledger.push({ id, notes, round: options.round });
          load.acknowledged++;
        } else {
          load.refused.push({ status: res.status, body: text.slice(0, 300) });
        }
      } catch (e) {
        // After stop(): the connection was cut by the kill before the whole answer arrived; the outcome is unknown.
        // Before it: the running server failed to answer, a failure of the run.
        if (running) {
          load.refused.push({ status: 0, body: e instanceof Error ? e.message : String(e) });
          await new Promise((r) => setTimeout(r, 100));
        } else load.unanswered++;
      } finally {
        inFlight--;
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.writers }, (_, i) => loop(i + 1))).then(() => load);
  return {
    inFlight: () => inFlight,
    /** Call just before the kill: no loop sends another request; the ones out now end when the connection dies. */
    stop() {
      running = false;
      load.inFlightAtKill = inFlight;
    },
    done,
  };
}
