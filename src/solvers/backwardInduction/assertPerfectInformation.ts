import { LinkageError } from "../../errors/LinkageError.js";
import { type ExtensiveGame, PERSONAL } from "../../games/extensiveGame.js";

/**
 * Checks that every personal information set has a single node.
 * @throws {LinkageError} E_INPUT naming the first information set with several nodes
 */
export function assertPerfectInformation(game: ExtensiveGame): void {
  const size = new Int32Array(game.infosets.length);
  for (let v = 0; v < game.nodeKind.length; v++) {
    if (game.nodeKind[v] !== PERSONAL) continue;
    const h = game.nodeInfoset[v]!;
    if (++size[h]! > 1) {
      const set = game.infosets[h]!;
      throw new LinkageError(
        "E_INPUT",
        `backward induction needs a game of perfect information, but information set ${set.number}${set.label ? ` ("${set.label}")` : ""} of player ${set.player + 1} has more than one node`,
      );
    }
  }
}
