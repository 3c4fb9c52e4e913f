/** The summit builder, loaded as its own chunk with its own strings: a summit, its tracks, rooms and partner CBOs, its sessions in every language side by side, publishing and cancelling. */
export { BuilderSummitNewPage, BuilderSummitPage } from "./builder/Summit";
export { BuilderSessionPage } from "./builder/Session";
