/** People of one outcome grouped by reason: code, explanation, how many, and (in results) a few of them. */
export function ReasonTable({
  title,
  reasons,
  note,
}: {
  title: string;
  reasons: { code: string; message: string; count: number; userIds?: string[] }[];
  note?: string;
}) {
  if (reasons.length === 0) return null;
  const examples = reasons.some((r) => r.userIds);
  return (
    <div className="table-scroll">
      <table className="grid reasons">
        <caption>
          {title}
          {note && <span className="muted"> ({note})</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col">Explanation</th>
            <th scope="col" className="num">
              People
            </th>
            {examples && <th scope="col">For example</th>}
          </tr>
        </thead>
        <tbody>
          {reasons.map((r) => (
            <tr key={`${r.code}-${r.message}`}>
              <td>
                <code>{r.code}</code>
              </td>
              <td>{r.message}</td>
              <td className="num">{r.count.toLocaleString('en-GB')}</td>
              {examples && <td className="small">{r.userIds?.join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
