/**
 * The most events (the sum of the rows' counts) an event file may hold: 10⁷. Jittered times take
 * 8 bytes an event (80 MB at the bound) and the fits are linear in the events; issue 13 asks
 * for 10⁶ events in under 30 s, so the bound leaves a factor of ten. See docs/limits.md.
 */
export const MAX_EVENT_COUNT = 10_000_000;
