/** The actions the engine bench can run: the command's params, the services its saga needs, and what every selected person looks like after. */
export interface BenchAction {
  params: Record<string, unknown>;
  /** participant services of the saga besides identity (each runs as its own process) */
  participants: ('learning' | 'communications' | 'membership')[];
  /** destructive: the command carries `options.approvalCount` = N */
  destructive: boolean;
  /** the fields every selected person has after the job (besides `v: 2`: written once) */
  after: Record<string, unknown>;
}

export const BENCH_ACTIONS: Record<string, BenchAction> = {
  'change-language': { params: { language: 'nl' }, participants: [], destructive: false, after: { language: 'nl' } },
  'change-role': { params: { role: 'Manager' }, participants: [], destructive: false, after: { role: 'Manager' } },
  /** the multi-step saga: identity → learning remove-temporary-data → communications hold-messages */
  deactivate: { params: {}, participants: ['learning', 'communications'], destructive: true, after: { status: 'deactivated' } },
};
