/** The interpreter coordinator's console (demand board, roster, coverage) and an
 * interpreter's own jobs, loaded as their own chunk. */
export { DemandBoardPage } from "./interpreting/Board";
export { RosterPage } from "./interpreting/Roster";
export { CoveragePage } from "./interpreting/Coverage";
export { MyJobsPage } from "./interpreting/Jobs";
