/** The chaos run's report as Markdown: the disruptions with their stalls, the checks, the counts (as RELIABILITY.md shows it). */
import { ChaosReport } from './run';

const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);

export function summary(r: ChaosReport): string {
  const lines = [
    `people: deactivate ${r.params.people}, send-notification with e-mail ${r.params.mailPeople}; seed ${r.params.seed}; chunk ${r.params.chunk}`,
    '',
    '| disruption | at | progress then | answering after | back in its groups after | progress again after | longest stall: deactivate / notify |',
    '|---|---|---|---|---|---|---|',
    ...r.disruptions.map(
      (d) =>
        `| ${d.what} | ${s(d.atMs)} | ${Object.entries(d.progress ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(
            ', ',
          )} | ${s(d.answersMs)} | ${s(d.readyMs)} | ${s(d.resumedMs)}${d.note ? ` (${d.note})` : ''} | ${s(d.stallMs?.deactivate)} / ${s(d.stallMs?.notify)} |`,
    ),
    '',
    '| check | compared | wrong | ok |',
    '|---|---|---|---|',
    ...r.checks.map((c) => `| ${c.name} | ${c.compared} | ${c.wrong} | ${c.ok ? 'yes' : `NO: ${c.examples.slice(0, 3).join('; ')}`} |`),
    '',
    ...Object.entries(r.jobs).map(
      ([label, j]) =>
        `${label}: ${j.summary?.status ?? '?'}, counts ${JSON.stringify(j.summary?.counts ?? {})}, rows ${JSON.stringify(j.summary?.rows ?? {})}, ${j.summary?.chunks ?? 0} chunks, end after ${s(j.publishToEndMs)}`,
    ),
    `e-mails caught for the tenant: ${r.mail.caught}; duplicate messages: ${r.mail.duplicates}; the same message sent again after a kill in the SMTP window: ${r.mail.retransmissions}${r.mail.retransmitted.length ? ` (${r.mail.retransmitted.join(', ')})` : ''}`,
    `results by service: ${JSON.stringify(r.redeliveries.resultsByService)}; dispatches answered twice (redelivered chunks): ${JSON.stringify(r.redeliveries.repeatedDispatches)}; learning "rebalancing" log lines: ${r.learningRebalanceLogLines}`,
    `services that exited by themselves: ${r.unexpectedExits.length ? r.unexpectedExits.join(', ') : 'none'}`,
    ...(r.errors.length ? [`errors: ${r.errors.join(' | ')}`] : []),
    `duration ${s(r.durationMs)}; ${r.ok ? 'OK' : 'FAILED'}`,
  ];
  return lines.join('\n');
}
