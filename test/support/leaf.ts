/**
 * Terminal nodes for trees written by hand as a TreeSpec (see buildExtensiveGame).
 */
import type { ExactNumber, TreeSpec } from "../../src/games/buildExtensiveGame.js";

/** A terminal node whose outcome pays `payoffs`, one per player (numbers or literals like "1/2"). */
export const leaf = (...payoffs: ExactNumber[]): TreeSpec => ({ outcome: { payoffs } });
