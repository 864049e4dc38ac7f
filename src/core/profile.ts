/** The phases of a check a host can time, per file summed over a run. */
export type ProfilePhase = 'project' | 'discovery' | 'read' | 'split' | 'yaml' | 'schema' | 'rules' | 'corpus';

/** A host's profiler (the CLI's `QA_ARTICLES_PROFILE`): a clock in milliseconds and where to add each phase's time. */
export interface PhaseProfile {
  now(): number;
  add(phase: ProfilePhase, ms: number): void;
  /** Called before each file is read (the first call ends the host's startup). */
  reading(): void;
}
